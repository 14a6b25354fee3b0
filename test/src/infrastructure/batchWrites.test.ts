import type { DataSource } from 'typeorm';
import type { Caller } from '@povgraph/auth';
import { seedEnvironment, silentProgress } from '@povgraph/demo';
import { GraphClient } from '@povgraph/graph-client';
import { createLogger, type BaseContext } from '@povgraph/subgraph-kit';
import { TEST_INTERNAL_SECRET, testCallers, type TestSubgraph } from '@povgraph/testing';
import { insertUnits, recipe as households, UNITS } from '../../../services/households/test/fixtures';
import { projectInput, recipe as infrastructure, tableCounts } from '../../../services/infrastructure/test/fixtures';
import { createServices, type Services } from '../../../services/infrastructure/src/services';
import { infrastructureDemo } from '../../../services/infrastructure/src/seed/seedDemo';
import { startTestStack, type TestStack } from '../stack';

/*
 * The batch writes behind the Dự án 1 mutations and the demo seed (approveMany,
 * startMany, completeMany, disburseMany), against the real registry through the
 * real gateway: every item checked with the single mutation's rules, the whole
 * batch refused naming `inputs.<i>.<field>` of the first bad item, one question
 * to the registry and one transaction per batch.
 */

/** Counts the questions this service asks the graph. */
class CountingGraphClient extends GraphClient {
  requests = 0;
  override request<T>(...args: Parameters<GraphClient['request']>): Promise<T> {
    this.requests++;
    return super.request<T>(...args);
  }
}

let stack: TestStack;
let works: TestSubgraph;
let db: DataSource;
let graph: CountingGraphClient;
let services: Services;
const logger = createLogger('batch-test', 'silent');
const board = testCallers.investmentBoard(UNITS.district);
const as = (caller: Caller): BaseContext => ({ caller, requestId: 'batch-test', logger });
const ids: Record<string, string> = {};

beforeAll(async () => {
  stack = await startTestStack({ households, infrastructure });
  works = stack.subgraphs['infrastructure']!;
  db = works.dataSource;
  graph = new CountingGraphClient({ gatewayUrl: stack.gateway.url, internalSecret: TEST_INTERNAL_SECRET });
  services = createServices(db, graph);
}, 120_000);
afterAll(() => stack?.stop());

const input = (name: string, overrides: Record<string, unknown> = {}) => projectInput({ name, ...overrides }) as Parameters<Services['projects']['approve']>[1];

describe('the demo seed before the registry holds its map', () => {
  it('returns without writing anything, telling the unknown area from an outage', async () => {
    await infrastructureDemo.load(db, seedEnvironment({ graph, logger, progress: silentProgress }));
    expect(await infrastructureDemo.isEmpty(db)).toBe(true);
    await insertUnits(stack.subgraphs['households']!.dataSource);
  });
});

describe('approveMany', () => {
  it('approves every work of the batch with one question to the registry and one transaction', async () => {
    graph.requests = 0;
    works.sql.reset();
    const approved = await services.projects.approveMany(as(board), [
      input('Đường liên thôn Làng Tơ Pơ – Làng Hle', { communeCodes: [UNITS.communeA, UNITS.communeB] }),
      input('Phòng học điểm trường Làng Hle', { category: 'SCHOOL', communeCodes: [UNITS.communeB], investmentCapital: 2_000_000_000 }),
      input('Duy tu đường Làng Kuao', { kind: 'MAINTENANCE', communeCodes: [UNITS.communeA], investmentCapital: 0, recurrentCapital: 300_000_000, approvedOn: '2023-05-02' }),
    ]);
    // The communes, then the board's area (AreaGuard, cached for the rest of the batch).
    expect(graph.requests).toBe(2);
    expect(approved.map((p) => [p.name, p.status, p.investmentCapital + p.recurrentCapital])).toEqual([
      ['Đường liên thôn Làng Tơ Pơ – Làng Hle', 'APPROVED', 4_500_000_000],
      ['Phòng học điểm trường Làng Hle', 'APPROVED', 2_000_000_000],
      ['Duy tu đường Làng Kuao', 'APPROVED', 300_000_000],
    ]);
    [ids['road'], ids['school'], ids['repair']] = approved.map((p) => p.id);
    const communes = await db.query(`SELECT project_id, array_agg(commune_code ORDER BY position) AS codes FROM project_communes GROUP BY project_id`);
    expect(Object.fromEntries(communes.map((row: { project_id: string; codes: string[] }) => [row.project_id, row.codes]))).toEqual({
      [ids['road']!]: [UNITS.communeA, UNITS.communeB],
      [ids['school']!]: [UNITS.communeB],
      [ids['repair']!]: [UNITS.communeA],
    });
    const audit = await db.query(`SELECT entity_id, action, actor_role, after FROM audit_log ORDER BY id`);
    expect(audit).toHaveLength(3);
    expect(audit[0]).toMatchObject({ entity_id: ids['road'], action: 'approveInfrastructureProject', actor_role: 'INVESTMENT_BOARD', after: { communeCodes: [UNITS.communeA, UNITS.communeB] } });
    // Name check, projects, communes, read back, audit: the same statements for 3 works as for 1.
    expect(works.sql.statements.filter((s) => /INSERT INTO infrastructure_projects/.test(s))).toHaveLength(1);
  });

  it.each([
    ['a district among the communes of item 1', [input('A'), input('B', { communeCodes: [UNITS.communeA, UNITS.district] })], 'BAD_USER_INPUT', 'inputs.1.communeCodes.1', /630 \(Kông Chro\) is a district/],
    ['a code the registry does not know in item 2', [input('A'), input('B'), input('C', { communeCodes: ['99999'] })], 'BAD_USER_INPUT', 'inputs.2.communeCodes.0', /knows no administrative unit with code 99999/],
    ['a commune created after the approval of item 0', [input('A', { communeCodes: [UNITS.mergedCommune] })], 'BAD_USER_INPUT', 'inputs.0.communeCodes.0', /existed from 2025-07-01, not on the approval date 2023-03-01/],
    ['a blank name in item 1', [input('A'), input('  ')], 'BAD_USER_INPUT', 'inputs.1.name', /must not be empty/],
    ['no capital in item 0', [input('A', { investmentCapital: 0 }), input('B')], 'BAD_USER_INPUT', 'inputs.0.investmentCapital', /must be more than 0/],
    ['one name twice in the batch', [input('A'), input('B'), input('a')], 'CONFLICT', 'inputs.2.name', /two works named “a” in the 2023 programme in this batch \(items 0 and 2\)/],
    ['a name already approved', [input('A'), input('Phòng học điểm trường làng hle')], 'CONFLICT', 'inputs.1.name', /already has a work named “Phòng học điểm trường làng hle” in the 2023 programme \(id /],
    ['a commune outside the board’s area in item 1', [input('A'), input('B', { communeCodes: [UNITS.otherCommune] })], 'FORBIDDEN', undefined, /You serve area 630; a Dự án 1 work in commune 23801/],
  ])('refuses the whole batch for %s, naming the item, and writes nothing', async (_label, batch, code, field, message) => {
    const before = await tableCounts(db);
    const refusal = services.projects.approveMany(as(board), batch);
    await expect(refusal).rejects.toMatchObject({ extensions: { code, ...(field ? { field } : {}) } });
    await expect(refusal).rejects.toThrow(message);
    expect(await tableCounts(db)).toEqual(before);
  });

  it('leaves the mutation’s own field names alone: one item is `input.<field>`', async () => {
    await expect(services.projects.approve(as(board), input('X', { communeCodes: [UNITS.communeA, UNITS.district] }))).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.communeCodes.1' } });
  });
});

describe('startMany, completeMany and disburseMany', () => {
  it('refuses a batch with an unknown work, or a step the work’s status does not allow, naming the item', async () => {
    const before = await tableCounts(db);
    await expect(services.projects.startMany(as(board), [{ id: ids['road']!, startedOn: '2023-04-01' }, { id: '00000000-0000-4000-8000-000000000000', startedOn: '2023-04-01' }])).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND', field: 'inputs.1.id' },
    });
    await expect(services.projects.completeMany(as(board), [{ id: ids['school']!, completedOn: '2023-09-01' }])).rejects.toMatchObject({
      extensions: { code: 'CONFLICT', field: 'inputs.0.id', status: 'APPROVED' },
    });
    await expect(services.projects.startMany(as(board), [{ id: ids['road']!, startedOn: '2023-02-01' }])).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'inputs.0.startedOn' } });
    await expect(services.projects.startMany(as(testCallers.investmentBoard(UNITS.otherDistrict)), [{ id: ids['road']!, startedOn: '2023-04-01' }])).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(await tableCounts(db)).toEqual(before);
  });

  it('starts, completes and pays works in batches, with the audit rows of the single mutations', async () => {
    const started = await services.projects.startMany(as(board), [
      { id: ids['road']!, startedOn: '2023-04-10' },
      { id: ids['school']!, startedOn: '2023-04-20' },
      { id: ids['repair']!, startedOn: '2023-05-15' },
    ]);
    expect(started.map((p) => [p.status, p.startedOn])).toEqual([
      ['UNDER_CONSTRUCTION', '2023-04-10'],
      ['UNDER_CONSTRUCTION', '2023-04-20'],
      ['UNDER_CONSTRUCTION', '2023-05-15'],
    ]);
    const completed = await services.projects.completeMany(as(board), [{ id: ids['repair']!, completedOn: '2023-07-01' }]);
    expect(completed[0]).toMatchObject({ status: 'COMPLETED', completedOn: '2023-07-01' });
    // Two payments to the road add up; the repair is paid in full.
    const paid = await services.projects.disburseMany(as(board), [
      { id: ids['road']!, amount: 1_350_000_000, disbursedOn: '2023-04-20' },
      { id: ids['repair']!, amount: 300_000_000, disbursedOn: '2023-07-15' },
      { id: ids['road']!, amount: 1_800_000_000, disbursedOn: '2023-08-01' },
    ]);
    expect(paid.map((p) => p.disbursed)).toEqual([3_150_000_000, 300_000_000, 3_150_000_000]);
    const audit = await db.query(`SELECT action, entity_type, before->>'disbursed' AS before, after->>'disbursed' AS after FROM audit_log WHERE action = 'recordDisbursement' ORDER BY id`);
    expect(audit).toEqual([
      { action: 'recordDisbursement', entity_type: 'InfrastructureProject', before: '0', after: '1350000000' },
      { action: 'recordDisbursement', entity_type: 'Disbursement', before: null, after: null },
      { action: 'recordDisbursement', entity_type: 'InfrastructureProject', before: '0', after: '300000000' },
      { action: 'recordDisbursement', entity_type: 'Disbursement', before: null, after: null },
      { action: 'recordDisbursement', entity_type: 'InfrastructureProject', before: '1350000000', after: '3150000000' },
      { action: 'recordDisbursement', entity_type: 'Disbursement', before: null, after: null },
    ]);
    const [{ starts, completions }] = await db.query(`SELECT count(*) FILTER (WHERE action = 'startInfrastructureWork')::int AS starts,
      count(*) FILTER (WHERE action = 'completeInfrastructureWork')::int AS completions FROM audit_log`);
    expect([starts, completions]).toEqual([3, 1]);
  });

  it('refuses a batch whose later payment would go beyond the capital, counting the earlier ones of the batch', async () => {
    const before = await tableCounts(db);
    // 1,350,000,000 is left on the road; the two payments fit one at a time, not together.
    const refusal = services.projects.disburseMany(as(board), [
      { id: ids['school']!, amount: 500_000_000, disbursedOn: '2023-09-01' },
      { id: ids['road']!, amount: 1_000_000_000, disbursedOn: '2023-09-01' },
      { id: ids['road']!, amount: 1_000_000_000, disbursedOn: '2023-10-01' },
    ]);
    await expect(refusal).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'inputs.2.amount', remaining: 350_000_000 } });
    await expect(services.projects.disburseMany(as(board), [{ id: ids['road']!, amount: 1, disbursedOn: '2999-01-01' }])).rejects.toMatchObject({ extensions: { field: 'inputs.0.disbursedOn' } });
    await expect(services.projects.disburseMany(as(board), [{ id: ids['road']!, amount: 1, disbursedOn: '2023-01-01' }])).rejects.toMatchObject({ extensions: { field: 'inputs.0.disbursedOn' } });
    expect(await tableCounts(db)).toEqual(before);
  });

  it('costs the same SQL statements for 2 payments as for 40', async () => {
    const statementsFor = async (count: number) => {
      works.sql.reset();
      await services.projects.disburseMany(as(testCallers.admin()), Array.from({ length: count }, (_, i) => ({ id: i % 2 ? ids['school']! : ids['road']!, amount: 1_000_000, disbursedOn: '2023-10-15' })));
      return works.sql.count;
    };
    const two = await statementsFor(2);
    expect(await statementsFor(40)).toBe(two);
  });
});
