import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createAuditLogTable } from '@povgraph/db';

export class Initial1764115200000 implements MigrationInterface {
  name = 'Initial1764115200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE training_courses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        name text NOT NULL,
        occupation text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('VOCATIONAL', 'AGRICULTURAL_EXTENSION', 'SHORT_TERM_SKILLS', 'OTHER')),
        commune_code text NOT NULL CHECK (commune_code ~ '^[0-9]{5}$'),
        provider text NOT NULL,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        capacity int NOT NULL CHECK (capacity > 0),
        budget bigint NOT NULL CHECK (budget >= 0),
        CHECK (ends_on >= starts_on)
      )`);
    // Reports (commune, year) and the course list (by start date).
    await queryRunner.query(`CREATE INDEX training_courses_area_idx ON training_courses (commune_code, starts_on)`);
    await queryRunner.query(`CREATE INDEX training_courses_start_idx ON training_courses (starts_on, id)`);
    await queryRunner.query(`
      CREATE TABLE enrolments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        course_id uuid NOT NULL REFERENCES training_courses (id),
        household_id uuid NOT NULL,
        commune_code text NOT NULL,
        trainee_name text NOT NULL,
        trainee_name_key text NOT NULL,
        trainee_birth_year int,
        enrolled_on date NOT NULL,
        completed boolean NOT NULL DEFAULT false,
        completed_on date,
        employed_after boolean NOT NULL DEFAULT false,
        CHECK (completed = (completed_on IS NOT NULL)),
        CHECK (completed OR NOT employed_after),
        -- One household member once per course, whatever two clerks submit at the same moment.
        CONSTRAINT enrolments_course_trainee_key UNIQUE (course_id, household_id, trainee_name_key)
      )`);
    await queryRunner.query(`CREATE INDEX enrolments_household_idx ON enrolments (household_id)`);
    await queryRunner.query(`
      CREATE TABLE job_fairs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        commune_code text NOT NULL CHECK (commune_code ~ '^[0-9]{5}$'),
        held_on date NOT NULL,
        organiser text NOT NULL,
        organiser_key text NOT NULL,
        participants int NOT NULL CHECK (participants >= 0),
        employers int NOT NULL CHECK (employers >= 0),
        jobs_offered int NOT NULL CHECK (jobs_offered >= 0),
        people_hired int NOT NULL CHECK (people_hired >= 0),
        CHECK (people_hired <= participants AND people_hired <= jobs_offered),
        -- A fair submitted twice would count its participants twice; also serves reports (commune, day).
        CONSTRAINT job_fairs_commune_day_organiser_key UNIQUE (commune_code, held_on, organiser_key)
      )`);
    await queryRunner.query(`
      CREATE TABLE labour_export_supports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        household_id uuid NOT NULL,
        commune_code text NOT NULL,
        worker_name text NOT NULL,
        worker_name_key text NOT NULL,
        destination_country text NOT NULL,
        departure_date date NOT NULL,
        amount bigint NOT NULL CHECK (amount > 0),
        -- A support submitted twice would be paid twice.
        CONSTRAINT labour_export_supports_worker_departure_key UNIQUE (household_id, worker_name_key, departure_date)
      )`);
    await queryRunner.query(`CREATE INDEX labour_export_supports_area_idx ON labour_export_supports (commune_code, departure_date)`);
    await createAuditLogTable(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['audit_log', 'labour_export_supports', 'job_fairs', 'enrolments', 'training_courses']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
