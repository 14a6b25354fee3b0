import type { DataSource } from 'typeorm';
import type { TestSubgraphRecipe } from '@povgraph/testing';
import type { Context } from '../src/context';
import { infrastructureDataSource, infrastructureSubgraph } from '../src/subgraph';

export const recipe: TestSubgraphRecipe<Context> = {
  label: 'infrastructure',
  dataSource: infrastructureDataSource,
  subgraph: infrastructureSubgraph,
};

/** The fields of a work every test reads back. */
export const PROJECT_FIELDS = `id name category kind communeCodes communes { code } programmeYear approvedOn startedOn completedOn cancelledOn cancellationReason
  status investmentCapital recurrentCapital totalCapital disbursed remainingToDisburse investor disbursements { amount disbursedOn }`;

export const APPROVE = /* GraphQL */ `
  mutation Approve($input: ApproveInfrastructureProjectInput!) { approveInfrastructureProject(input: $input) { ${PROJECT_FIELDS} } }`;

export const START = /* GraphQL */ `
  mutation Start($id: ID!, $startedOn: Date!) { startInfrastructureWork(id: $id, startedOn: $startedOn) { ${PROJECT_FIELDS} } }`;

export const COMPLETE = /* GraphQL */ `
  mutation Complete($id: ID!, $completedOn: Date!) { completeInfrastructureWork(id: $id, completedOn: $completedOn) { ${PROJECT_FIELDS} } }`;

export const CANCEL = /* GraphQL */ `
  mutation Cancel($id: ID!, $reason: String!) { cancelInfrastructureProject(id: $id, reason: $reason) { ${PROJECT_FIELDS} } }`;

export const DISBURSE = /* GraphQL */ `
  mutation Disburse($id: ID!, $amount: VND!, $disbursedOn: Date!) { recordDisbursement(id: $id, amount: $amount, disbursedOn: $disbursedOn) { ${PROJECT_FIELDS} } }`;

/** The report and list of AdminUnit representations (what the gateway sends, communeCodes included). */
export const AREA_ENTITIES = /* GraphQL */ `
  query Areas($representations: [_Any!]!, $year: Int!) { _entities(representations: $representations) { ... on AdminUnit { code
    infrastructure(year: $year) { areaCode year works maintenanceWorks investmentCapital recurrentCapital disbursed
      byCategory { category works maintenanceWorks investmentCapital recurrentCapital disbursed } } } } }`;

export function projectInput(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Đường liên thôn Làng Tơ Pơ – Làng Hle',
    category: 'ROAD',
    kind: 'NEW_WORK',
    communeCodes: ['23701', '23702'],
    programmeYear: 2023,
    approvedOn: '2023-03-01',
    investmentCapital: 4_500_000_000,
    recurrentCapital: 0,
    investor: 'Ban QLDA đầu tư xây dựng huyện Kông Chro',
    ...overrides,
  };
}

export interface ProjectRow {
  name?: string;
  category?: string;
  kind?: 'NEW_WORK' | 'MAINTENANCE';
  communes: string[];
  year?: number;
  status?: 'APPROVED' | 'UNDER_CONSTRUCTION' | 'COMPLETED' | 'CANCELLED';
  approvedOn?: string;
  investmentCapital?: number;
  recurrentCapital?: number;
  disbursed?: number;
  investor?: string;
}

let inserted = 0;

/**
 * One work straight into the tables, with the dates its status implies
 * (started 2023-05-01, completed 2023-10-01, cancelled 2023-06-01).
 */
export async function insertProject(dataSource: DataSource, row: ProjectRow): Promise<string> {
  const status = row.status ?? 'APPROVED';
  const started = status === 'UNDER_CONSTRUCTION' || status === 'COMPLETED' ? '2023-05-01' : null;
  const [{ id }] = await dataSource.query(
    `INSERT INTO infrastructure_projects (name, category, kind, programme_year, approved_on, started_on, completed_on, cancelled_on, cancellation_reason,
       status, investment_capital, recurrent_capital, disbursed, investor)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
    [
      row.name ?? `Công trình ${++inserted}`,
      row.category ?? 'ROAD',
      row.kind ?? 'NEW_WORK',
      row.year ?? 2023,
      row.approvedOn ?? '2023-03-01',
      started,
      status === 'COMPLETED' ? '2023-10-01' : null,
      status === 'CANCELLED' ? '2023-06-01' : null,
      status === 'CANCELLED' ? 'Thay đổi quy hoạch' : null,
      status,
      row.investmentCapital ?? 1_000_000_000,
      row.recurrentCapital ?? 0,
      row.disbursed ?? 0,
      row.investor ?? 'Ban QLDA huyện Kông Chro',
    ],
  );
  await dataSource.query(
    `INSERT INTO project_communes (project_id, commune_code, position)
     SELECT $1, code, (ordinality - 1)::int FROM unnest($2::text[]) WITH ORDINALITY AS c(code, ordinality)`,
    [id, row.communes],
  );
  return id;
}

/**
 * `count` works straight into the tables (for SQL-count tests): work i serves
 * commune `firstCommune + i` and the next one, with 100,000,000 đồng of investment capital.
 */
export async function insertProjects(dataSource: DataSource, count: number, firstCommune: number, prefix: string): Promise<string[]> {
  const rows: Array<{ id: string }> = await dataSource.query(
    `INSERT INTO infrastructure_projects (name, category, kind, programme_year, approved_on, status, investment_capital, recurrent_capital, investor)
     SELECT $2 || lpad(i::text, 5, '0'), 'ROAD', 'NEW_WORK', 2023, '2023-03-01', 'APPROVED', 100000000, 0, 'Ban QLDA'
     FROM generate_series(1, $1) AS i ORDER BY i RETURNING id`,
    [count, prefix],
  );
  const ids = rows.map((row) => row.id);
  await dataSource.query(
    `INSERT INTO project_communes (project_id, commune_code, position)
     SELECT id, lpad((($2::int) + i - 1 + c)::text, 5, '0'), c
     FROM unnest($1::uuid[]) WITH ORDINALITY AS p(id, i), generate_series(0, 1) AS c`,
    [ids, firstCommune],
  );
  return ids;
}

/** Row counts of every table a mutation may write, to prove a refused one wrote nothing. */
export async function tableCounts(dataSource: DataSource): Promise<Record<string, number>> {
  const [row] = await dataSource.query(`
    SELECT (SELECT count(*) FROM infrastructure_projects)::int AS projects,
           (SELECT count(*) FROM project_communes)::int AS communes,
           (SELECT count(*) FROM disbursements)::int AS disbursements,
           (SELECT count(*) FROM audit_log)::int AS audit,
           (SELECT coalesce(sum(disbursed), 0)::text FROM infrastructure_projects) AS disbursed,
           (SELECT string_agg(id || ':' || status || ':' || coalesce(started_on::text, '') || ':' || coalesce(completed_on::text, '') || ':' || coalesce(cancelled_on::text, ''), ',' ORDER BY id)
              FROM infrastructure_projects) AS states`);
  return row;
}
