import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { TestSubgraphRecipe } from '@povgraph/testing';
import type { Context } from '../src/context';
import { creditDataSource, creditSubgraph } from '../src/subgraph';

/** The codes of households' test map (services/households/test/fixtures.ts), which the cross-agency tests in test/ load. */
export const UNITS = {
  province: '64',
  district: '630',
  communeA: '23701',
  communeB: '23702',
  mergedCommune: '23710',
  otherDistrict: '631',
  otherCommune: '23801',
} as const;

export const recipe: TestSubgraphRecipe<Context> = {
  label: 'credit',
  dataSource: creditDataSource,
  subgraph: creditSubgraph,
};

export const LOAN_FIELDS = /* GraphQL */ `
  id programme principal annualRate overdueAnnualRate termMonths disbursedOn maturesOn transactionOffice savingsGroup
  entrustingOrganisation purpose communeCode household { id }`;

export const DISBURSE = /* GraphQL */ `
  mutation Disburse($input: DisburseLoanInput!) { disburseLoan(input: $input) { ${LOAN_FIELDS} } }`;

export const REPAY = /* GraphQL */ `
  mutation Repay($input: RecordRepaymentInput!) { recordRepayment(input: $input) { id paidOn amount loan { id } } }`;

/** A disbursement of a POOR_HOUSEHOLD loan on 2024-03-01, with a fresh idempotency key. */
export function loanInput(householdId: string, overrides: Record<string, unknown> = {}) {
  return {
    householdId,
    programme: 'POOR_HOUSEHOLD',
    principal: 50_000_000,
    termMonths: 60,
    disbursedOn: '2024-03-01',
    transactionOffice: 'PGD NHCSXH huyện Kông Chro',
    savingsGroup: 'Tổ TK&VV làng Tơ Pơ',
    entrustingOrganisation: 'WOMENS_UNION',
    purpose: 'Nuôi bò sinh sản',
    idempotencyKey: randomUUID(),
    ...overrides,
  };
}

export function repaymentInput(loanId: string, overrides: Record<string, unknown> = {}) {
  return { loanId, paidOn: '2024-06-01', amount: 10_000_000, idempotencyKey: randomUUID(), ...overrides };
}

/** Row counts of every table a mutation may write, to prove a refused one wrote nothing. */
export async function tableCounts(dataSource: DataSource): Promise<Record<string, number>> {
  const [row] = await dataSource.query(`
    SELECT (SELECT count(*) FROM loans)::int AS loans,
           (SELECT count(*) FROM repayments)::int AS repayments,
           (SELECT count(*) FROM programme_rules)::int AS rules,
           (SELECT count(*) FROM audit_log)::int AS audit`);
  return row;
}

/** Rows inserted directly (for reports and SQL-count tests); maturity computed as the service does. */
export interface LoanRow {
  householdId?: string;
  programme: string;
  principal: number;
  disbursedOn: string;
  termMonths: number;
  communeCode: string;
  repayments?: Array<{ paidOn: string; amount: number }>;
}

export async function insertLoans(dataSource: DataSource, loans: LoanRow[]): Promise<string[]> {
  const ids: string[] = [];
  for (const loan of loans) {
    const [row]: Array<{ id: string }> = await dataSource.query(
      `INSERT INTO loans (household_id, programme, principal, annual_rate, overdue_annual_rate, term_months, disbursed_on, matures_on,
                          transaction_office, savings_group, entrusting_organisation, purpose, commune_code, idempotency_key)
       SELECT $1, $2, $3, 6.6, 8.58, $4, $5::date, ($5::date + make_interval(months => $4))::date, 'PGD', 'Tổ 1', 'NONE', 'Chăn nuôi', $6, gen_random_uuid()::text
       RETURNING id`,
      [loan.householdId ?? randomUUID(), loan.programme, loan.principal, loan.termMonths, loan.disbursedOn, loan.communeCode],
    );
    for (const repayment of loan.repayments ?? []) {
      await dataSource.query(
        `INSERT INTO repayments (loan_id, paid_on, amount, commune_code, idempotency_key) VALUES ($1, $2, $3, $4, gen_random_uuid()::text)`,
        [row!.id, repayment.paidOn, repayment.amount, loan.communeCode],
      );
    }
    ids.push(row!.id);
  }
  return ids;
}

/** `count` households with one loan and one repayment each, in one statement per table (for SQL-count tests). */
export async function insertBorrowers(dataSource: DataSource, count: number, communeCode: string): Promise<string[]> {
  const rows: Array<{ id: string; household_id: string }> = await dataSource.query(
    `INSERT INTO loans (household_id, programme, principal, annual_rate, overdue_annual_rate, term_months, disbursed_on, matures_on,
                        transaction_office, savings_group, entrusting_organisation, purpose, commune_code, idempotency_key)
     SELECT gen_random_uuid(), 'POOR_HOUSEHOLD', 20000000, 6.6, 8.58, 36, '2023-01-10', '2026-01-10', 'PGD', 'Tổ ' || (i % 7), 'FARMERS_UNION', 'Trồng keo', $2, gen_random_uuid()::text
     FROM generate_series(1, $1) AS i RETURNING id, household_id`,
    [count, communeCode],
  );
  await dataSource.query(
    `INSERT INTO repayments (loan_id, paid_on, amount, commune_code, idempotency_key)
     SELECT id, '2023-07-01', 5000000, $2, gen_random_uuid()::text FROM unnest($1::uuid[]) AS id`,
    [rows.map((row) => row.id), communeCode],
  );
  return rows.map((row) => row.household_id);
}
