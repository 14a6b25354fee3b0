import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createAuditLogTable } from '@povgraph/db';

const SOURCES = `('NTP_PROJECT_5', 'PROGRAMME_167', 'FUND_FOR_THE_POOR', 'DONOR', 'OTHER')`;
const KINDS = `('NEW_BUILD', 'REPAIR')`;

export class Initial1763942400000 implements MigrationInterface {
  name = 'Initial1763942400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE support_rules (
        source text NOT NULL CHECK (source IN ${SOURCES}),
        kind text NOT NULL CHECK (kind IN ${KINDS}),
        valid_from date NOT NULL,
        valid_to date,
        max_grant bigint CHECK (max_grant > 0),
        qualifying_statuses text[] NOT NULL
          CHECK (cardinality(qualifying_statuses) > 0 AND qualifying_statuses <@ ARRAY['POOR', 'NEAR_POOR', 'NEWLY_ESCAPED', 'AVERAGE_LIVING', 'NOT_POOR']),
        requires_poor_district boolean NOT NULL,
        legal_basis text NOT NULL,
        PRIMARY KEY (source, kind, valid_from),
        CHECK (valid_to IS NULL OR valid_to >= valid_from)
      )`);
    await queryRunner.query(`
      CREATE TABLE housing_supports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        household_id uuid NOT NULL,
        commune_code text NOT NULL CHECK (commune_code ~ '^[0-9]{5}$'),
        kind text NOT NULL CHECK (kind IN ${KINDS}),
        source text NOT NULL CHECK (source IN ${SOURCES}),
        sponsor text,
        approved_on date NOT NULL,
        grant_amount bigint NOT NULL CHECK (grant_amount > 0),
        loan_id uuid,
        status text NOT NULL CHECK (status IN ('APPROVED', 'UNDER_CONSTRUCTION', 'COMPLETED', 'CANCELLED')),
        started_on date CHECK (started_on >= approved_on),
        completed_on date CHECK (completed_on >= started_on),
        cancelled_on date CHECK (cancelled_on >= approved_on AND (started_on IS NULL OR cancelled_on >= started_on)),
        cancellation_reason text,
        floor_area_m2 numeric(7, 2) CHECK (floor_area_m2 > 0),
        members_at_completion int CHECK (members_at_completion > 0),
        -- Each status carries exactly the dates that lead to it.
        CHECK (status <> 'APPROVED' OR (started_on IS NULL AND completed_on IS NULL AND cancelled_on IS NULL)),
        CHECK (status <> 'UNDER_CONSTRUCTION' OR (started_on IS NOT NULL AND completed_on IS NULL AND cancelled_on IS NULL)),
        CHECK (status <> 'COMPLETED' OR (started_on IS NOT NULL AND completed_on IS NOT NULL AND cancelled_on IS NULL)),
        CHECK (status <> 'CANCELLED' OR (cancelled_on IS NOT NULL AND cancellation_reason IS NOT NULL AND completed_on IS NULL))
      )`);
    // One household is supported once by each source; a cancelled support does not count.
    await queryRunner.query(`CREATE UNIQUE INDEX housing_supports_household_source_key ON housing_supports (household_id, source) WHERE status <> 'CANCELLED'`);
    // A housing loan co-finances one support.
    await queryRunner.query(`CREATE UNIQUE INDEX housing_supports_loan_key ON housing_supports (loan_id) WHERE loan_id IS NOT NULL AND status <> 'CANCELLED'`);
    await queryRunner.query(`CREATE INDEX housing_supports_household_idx ON housing_supports (household_id)`);
    await queryRunner.query(`CREATE INDEX housing_supports_approved_idx ON housing_supports (commune_code, approved_on)`);
    await queryRunner.query(`CREATE INDEX housing_supports_completed_idx ON housing_supports (commune_code, completed_on)`);
    await createAuditLogTable(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['audit_log', 'housing_supports', 'support_rules']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
