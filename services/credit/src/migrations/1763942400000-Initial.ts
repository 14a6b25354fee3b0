import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createAuditLogTable } from '@povgraph/db';

export class Initial1763942400000 implements MigrationInterface {
  name = 'Initial1763942400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // `programme` is free text (no CHECK): a new programme is an enum value and a rule row, not a schema change.
    await queryRunner.query(`
      CREATE TABLE programme_rules (
        programme text NOT NULL,
        valid_from date NOT NULL,
        valid_to date,
        annual_rate numeric(6, 3) NOT NULL CHECK (annual_rate >= 0),
        overdue_rate_percent_of_normal int NOT NULL CHECK (overdue_rate_percent_of_normal >= 100),
        max_principal_per_household bigint NOT NULL CHECK (max_principal_per_household > 0),
        max_term_months int NOT NULL CHECK (max_term_months > 0),
        qualifying_statuses text[] NOT NULL DEFAULT '{}',
        legal_basis text NOT NULL,
        PRIMARY KEY (programme, valid_from),
        CHECK (valid_to IS NULL OR valid_to >= valid_from)
      )`);
    await queryRunner.query(`
      CREATE TABLE loans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        household_id uuid NOT NULL,
        programme text NOT NULL,
        principal bigint NOT NULL CHECK (principal > 0),
        annual_rate numeric(6, 3) NOT NULL CHECK (annual_rate >= 0),
        overdue_annual_rate numeric(6, 3) NOT NULL CHECK (overdue_annual_rate >= annual_rate),
        term_months int NOT NULL CHECK (term_months > 0),
        disbursed_on date NOT NULL,
        matures_on date NOT NULL,
        transaction_office text NOT NULL,
        savings_group text NOT NULL,
        entrusting_organisation text NOT NULL
          CHECK (entrusting_organisation IN ('FARMERS_UNION', 'WOMENS_UNION', 'VETERANS_ASSOCIATION', 'YOUTH_UNION', 'NONE')),
        purpose text NOT NULL,
        commune_code text NOT NULL CHECK (commune_code ~ '^[0-9]{5}$'),
        idempotency_key text NOT NULL,
        CONSTRAINT loans_idempotency_key_key UNIQUE (idempotency_key),
        -- The service computes the maturity; the database holds it to the same arithmetic.
        CONSTRAINT loans_matures_on_check CHECK (matures_on = (disbursed_on + make_interval(months => term_months))::date)
      )`);
    await queryRunner.query(`CREATE INDEX loans_household_idx ON loans (household_id, programme)`);
    await queryRunner.query(`CREATE INDEX loans_area_idx ON loans (commune_code, disbursed_on)`);
    await queryRunner.query(`
      CREATE TABLE repayments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        loan_id uuid NOT NULL REFERENCES loans (id),
        paid_on date NOT NULL,
        amount bigint NOT NULL CHECK (amount > 0),
        commune_code text NOT NULL,
        idempotency_key text NOT NULL,
        CONSTRAINT repayments_idempotency_key_key UNIQUE (idempotency_key)
      )`);
    await queryRunner.query(`CREATE INDEX repayments_loan_idx ON repayments (loan_id, paid_on)`);
    await createAuditLogTable(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['audit_log', 'repayments', 'loans', 'programme_rules']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
