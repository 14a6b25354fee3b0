import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createAuditLogTable } from '@povgraph/db';

export class Initial1763942400000 implements MigrationInterface {
  name = 'Initial1763942400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE infrastructure_projects (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        category text NOT NULL CHECK (category IN ('ROAD', 'SCHOOL', 'IRRIGATION', 'CLEAN_WATER', 'HEALTH_STATION', 'ELECTRICITY', 'MARKET', 'CULTURAL_HOUSE', 'OTHER')),
        kind text NOT NULL CHECK (kind IN ('NEW_WORK', 'MAINTENANCE')),
        programme_year int NOT NULL CHECK (programme_year BETWEEN 2000 AND 2100),
        approved_on date NOT NULL,
        started_on date,
        completed_on date,
        cancelled_on date,
        cancellation_reason text,
        status text NOT NULL CHECK (status IN ('APPROVED', 'UNDER_CONSTRUCTION', 'COMPLETED', 'CANCELLED')),
        investment_capital bigint NOT NULL CHECK (investment_capital >= 0),
        recurrent_capital bigint NOT NULL CHECK (recurrent_capital >= 0),
        disbursed bigint NOT NULL DEFAULT 0 CHECK (disbursed >= 0),
        investor text NOT NULL CHECK (length(investor) BETWEEN 1 AND 200),
        CONSTRAINT infrastructure_projects_has_capital CHECK (investment_capital + recurrent_capital > 0),
        CONSTRAINT infrastructure_projects_within_capital CHECK (disbursed <= investment_capital + recurrent_capital),
        CONSTRAINT infrastructure_projects_dates_in_order CHECK (
          (started_on IS NULL OR started_on >= approved_on)
          AND (completed_on IS NULL OR completed_on >= started_on)
          AND (cancelled_on IS NULL OR cancelled_on >= approved_on)),
        -- The dates a status implies; the transition table in domain/workflow keeps them so.
        CONSTRAINT infrastructure_projects_status_dates CHECK (CASE status
          WHEN 'APPROVED' THEN started_on IS NULL AND completed_on IS NULL AND cancelled_on IS NULL
          WHEN 'UNDER_CONSTRUCTION' THEN started_on IS NOT NULL AND completed_on IS NULL AND cancelled_on IS NULL
          WHEN 'COMPLETED' THEN started_on IS NOT NULL AND completed_on IS NOT NULL AND cancelled_on IS NULL
          ELSE completed_on IS NULL AND cancelled_on IS NOT NULL AND cancellation_reason IS NOT NULL END)
      )`);
    await queryRunner.query(`CREATE INDEX infrastructure_projects_list_idx ON infrastructure_projects (programme_year, name, id)`);
    // One live work per name, investor and programme year: a double-submitted approval is refused.
    await queryRunner.query(`
      CREATE UNIQUE INDEX infrastructure_projects_name_key ON infrastructure_projects (programme_year, lower(investor), lower(name))
      WHERE status <> 'CANCELLED'`);
    await queryRunner.query(`
      CREATE TABLE project_communes (
        project_id uuid NOT NULL REFERENCES infrastructure_projects (id),
        commune_code text NOT NULL CHECK (commune_code ~ '^[0-9]{5}$'),
        position int NOT NULL CHECK (position >= 0),
        PRIMARY KEY (project_id, commune_code),
        CONSTRAINT project_communes_position_key UNIQUE (project_id, position)
      )`);
    // Area reports start from the communes of the area.
    await queryRunner.query(`CREATE INDEX project_communes_commune_idx ON project_communes (commune_code, project_id)`);
    await queryRunner.query(`
      CREATE TABLE disbursements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        project_id uuid NOT NULL REFERENCES infrastructure_projects (id),
        amount bigint NOT NULL CHECK (amount > 0),
        disbursed_on date NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX disbursements_project_idx ON disbursements (project_id, disbursed_on)`);
    await createAuditLogTable(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['audit_log', 'disbursements', 'project_communes', 'infrastructure_projects']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
