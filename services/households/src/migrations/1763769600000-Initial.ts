import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createAuditLogTable } from '@povgraph/db';

export class Initial1763769600000 implements MigrationInterface {
  name = 'Initial1763769600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE admin_units (
        code text NOT NULL CHECK (code ~ '^([0-9]{2}|[0-9]{3}|[0-9]{5})$'),
        valid_from date NOT NULL,
        valid_to date,
        name text NOT NULL,
        level text NOT NULL CHECK (level IN ('PROVINCE', 'DISTRICT', 'COMMUNE')),
        parent_code text,
        PRIMARY KEY (code, valid_from),
        CHECK (valid_to IS NULL OR valid_to >= valid_from)
      )`);
    await queryRunner.query(`CREATE INDEX admin_units_parent_idx ON admin_units (parent_code)`);
    await queryRunner.query(`
      CREATE TABLE admin_unit_successions (
        from_code text NOT NULL,
        to_code text NOT NULL,
        effective_on date NOT NULL,
        note text,
        PRIMARY KEY (from_code, to_code)
      )`);
    await queryRunner.query(`CREATE INDEX admin_unit_successions_to_idx ON admin_unit_successions (to_code)`);
    await queryRunner.query(`
      CREATE TABLE households (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        code text NOT NULL,
        head_name text NOT NULL,
        national_id text,
        commune_code text NOT NULL,
        village text NOT NULL,
        area_type text NOT NULL CHECK (area_type IN ('RURAL', 'URBAN')),
        members int NOT NULL CHECK (members BETWEEN 1 AND 50),
        ethnic_minority boolean NOT NULL DEFAULT false,
        without_labour_capacity boolean NOT NULL DEFAULT false,
        agricultural boolean NOT NULL DEFAULT false,
        registered_on date NOT NULL,
        CONSTRAINT households_code_key UNIQUE (code)
      )`);
    await queryRunner.query(`CREATE INDEX households_commune_idx ON households (commune_code, code)`);
    await queryRunner.query(`
      CREATE TABLE poverty_standards (
        code text PRIMARY KEY,
        name text NOT NULL,
        legal_basis text NOT NULL,
        from_year int NOT NULL,
        to_year int NOT NULL CHECK (to_year >= from_year),
        min_lacking_for_poor int NOT NULL CHECK (min_lacking_for_poor >= 1),
        indicators jsonb NOT NULL,
        rural_lines jsonb NOT NULL,
        urban_lines jsonb NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE assessments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        household_id uuid NOT NULL REFERENCES households (id),
        year int NOT NULL,
        assessed_on date NOT NULL,
        commune_code text NOT NULL,
        income_per_person_monthly bigint NOT NULL CHECK (income_per_person_monthly >= 0),
        lacking_indicators text[] NOT NULL,
        standard_code text NOT NULL REFERENCES poverty_standards (code),
        status text NOT NULL CHECK (status IN ('POOR', 'NEAR_POOR', 'NEWLY_ESCAPED', 'AVERAGE_LIVING', 'NOT_POOR')),
        CONSTRAINT assessments_household_year_key UNIQUE (household_id, year)
      )`);
    await queryRunner.query(`CREATE INDEX assessments_area_idx ON assessments (year, commune_code, status)`);
    await queryRunner.query(`
      CREATE TABLE reduction_targets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        unit_code text NOT NULL,
        year int NOT NULL,
        indicator text NOT NULL,
        value numeric(12, 2) NOT NULL,
        note text,
        CONSTRAINT reduction_targets_unit_year_indicator_key UNIQUE (unit_code, year, indicator)
      )`);
    await createAuditLogTable(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['audit_log', 'reduction_targets', 'assessments', 'poverty_standards', 'households', 'admin_unit_successions', 'admin_units']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
