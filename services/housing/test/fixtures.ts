import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { TestSubgraphRecipe } from '@povgraph/testing';
import type { Context } from '../src/context';
import { housingDataSource, housingSubgraph } from '../src/subgraph';

export const recipe: TestSubgraphRecipe<Context> = {
  label: 'housing',
  dataSource: housingDataSource,
  subgraph: housingSubgraph,
};

/** The communes of households' test map (services/households/test/fixtures.ts UNITS). */
export const COMMUNES = { a: '23701', b: '23702', merged: '23710', other: '23801' } as const;

export const SUPPORT_FIELDS = `id household { id } communeCode kind source sponsor approvedOn grantAmount loan { id } status
  startedOn completedOn cancelledOn cancellationReason floorAreaM2 membersAtCompletion areaPerPersonM2`;

export const APPROVE = /* GraphQL */ `
  mutation Approve($input: ApproveHousingSupportInput!) { approveHousingSupport(input: $input) { ${SUPPORT_FIELDS} } }`;

export const START = /* GraphQL */ `
  mutation Start($id: ID!, $startedOn: Date!) { startConstruction(id: $id, startedOn: $startedOn) { ${SUPPORT_FIELDS} } }`;

export const COMPLETE = /* GraphQL */ `
  mutation Complete($id: ID!, $completedOn: Date!, $floorAreaM2: Float) {
    completeConstruction(id: $id, completedOn: $completedOn, floorAreaM2: $floorAreaM2) { ${SUPPORT_FIELDS} } }`;

export const CANCEL = /* GraphQL */ `
  mutation Cancel($id: ID!, $cancelledOn: Date!, $reason: String!) {
    cancelHousingSupport(id: $id, cancelledOn: $cancelledOn, reason: $reason) { ${SUPPORT_FIELDS} } }`;

export const HOUSING_REPORT_FIELDS = `areaCode year approved newBuilds repairs completed cancelled amount
  bySource { source approved newBuilds repairs completed cancelled amount }`;

export function approveInput(overrides: Record<string, unknown> = {}) {
  return {
    householdId: randomUUID(),
    kind: 'NEW_BUILD',
    source: 'NTP_PROJECT_5',
    approvedOn: '2024-03-01',
    grantAmount: 40_000_000,
    ...overrides,
  };
}

export interface SupportRow {
  householdId?: string;
  communeCode?: string;
  kind?: 'NEW_BUILD' | 'REPAIR';
  source?: string;
  sponsor?: string | null;
  approvedOn?: string;
  grantAmount?: number;
  loanId?: string | null;
  status?: 'APPROVED' | 'UNDER_CONSTRUCTION' | 'COMPLETED' | 'CANCELLED';
  startedOn?: string | null;
  completedOn?: string | null;
  cancelledOn?: string | null;
  cancellationReason?: string | null;
  floorAreaM2?: number | null;
  membersAtCompletion?: number | null;
}

/** One support straight into the table (as if approved earlier), with dates that fit its status. */
export async function insertSupport(dataSource: DataSource, row: SupportRow = {}): Promise<string> {
  const status = row.status ?? 'APPROVED';
  const started = status === 'UNDER_CONSTRUCTION' || status === 'COMPLETED' ? '2024-04-01' : null;
  const [{ id }] = await dataSource.query(
    `INSERT INTO housing_supports (household_id, commune_code, kind, source, sponsor, approved_on, grant_amount, loan_id, status,
                                   started_on, completed_on, cancelled_on, cancellation_reason, floor_area_m2, members_at_completion)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
    [
      row.householdId ?? randomUUID(),
      row.communeCode ?? COMMUNES.a,
      row.kind ?? 'NEW_BUILD',
      row.source ?? 'NTP_PROJECT_5',
      row.sponsor ?? null,
      row.approvedOn ?? '2024-03-01',
      row.grantAmount ?? 40_000_000,
      row.loanId ?? null,
      status,
      row.startedOn !== undefined ? row.startedOn : started,
      row.completedOn !== undefined ? row.completedOn : status === 'COMPLETED' ? '2024-09-01' : null,
      row.cancelledOn !== undefined ? row.cancelledOn : status === 'CANCELLED' ? '2024-05-01' : null,
      row.cancellationReason !== undefined ? row.cancellationReason : status === 'CANCELLED' ? 'Household moved away' : null,
      row.floorAreaM2 ?? null,
      row.membersAtCompletion ?? null,
    ],
  );
  return id;
}

/** `count` households with one support each, straight into the table (for SQL-count tests); returns the household ids. */
export async function insertSupportedHouseholds(dataSource: DataSource, count: number, communeCode: string): Promise<string[]> {
  const rows: Array<{ household_id: string }> = await dataSource.query(
    `INSERT INTO housing_supports (household_id, commune_code, kind, source, approved_on, grant_amount, status)
     SELECT gen_random_uuid(), $2, CASE WHEN i % 2 = 0 THEN 'NEW_BUILD' ELSE 'REPAIR' END, 'FUND_FOR_THE_POOR', '2023-06-01', 30000000, 'APPROVED'
     FROM generate_series(1, $1) AS i RETURNING household_id`,
    [count, communeCode],
  );
  return rows.map((row) => row.household_id);
}

/** Row counts of every table a mutation may write, to prove a refused one wrote nothing. */
export async function tableCounts(dataSource: DataSource): Promise<Record<string, number>> {
  const [row] = await dataSource.query(`
    SELECT (SELECT count(*) FROM housing_supports)::int AS supports,
           (SELECT count(*) FROM support_rules)::int AS rules,
           (SELECT count(*) FROM audit_log)::int AS audit`);
  return row;
}

/** The stored support, as a refused mutation must leave it. */
export async function storedSupport(dataSource: DataSource, id: string): Promise<Record<string, unknown>> {
  const [row] = await dataSource.query(`SELECT * FROM housing_supports WHERE id = $1`, [id]);
  return row;
}
