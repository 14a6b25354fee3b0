import { randomUUID } from 'node:crypto';
import { startTestSubgraph, testCallers, type TestSubgraph } from '@povgraph/testing';
import { insertSupport, recipe, START, storedSupport, tableCounts } from './fixtures';

let subgraph: TestSubgraph;
const admin = testCallers.admin();

beforeAll(async () => {
  subgraph = await startTestSubgraph(recipe);
});
afterAll(() => subgraph.stop());

describe('startConstruction', () => {
  it('moves an approved support to UNDER_CONSTRUCTION and audits the change', async () => {
    const id = await insertSupport(subgraph.dataSource, { approvedOn: '2024-03-01' });
    const { data, errors } = await subgraph.client.as(admin).request(START, { id, startedOn: '2024-03-01' });
    expect(errors).toBeUndefined();
    expect(data!.startConstruction).toMatchObject({ id, status: 'UNDER_CONSTRUCTION', startedOn: '2024-03-01', completedOn: null });
    const audits = await subgraph.dataSource.query(`SELECT action, actor_role, before->>'status' AS before, after->>'status' AS after, after->>'startedOn' AS started FROM audit_log WHERE entity_id = $1`, [id]);
    expect(audits).toEqual([{ action: 'startConstruction', actor_role: 'ADMIN', before: 'APPROVED', after: 'UNDER_CONSTRUCTION', started: '2024-03-01' }]);
  });

  it.each([
    ['UNDER_CONSTRUCTION', /is already UNDER_CONSTRUCTION; from UNDER_CONSTRUCTION it may only become COMPLETED or CANCELLED/, ['COMPLETED', 'CANCELLED']],
    ['COMPLETED', /is COMPLETED and cannot become UNDER_CONSTRUCTION; COMPLETED is final/, []],
    ['CANCELLED', /is CANCELLED and cannot become UNDER_CONSTRUCTION; CANCELLED is final/, []],
  ] as const)('refuses a support that is %s with CONFLICT, naming what may follow', async (status, message, allowed) => {
    const id = await insertSupport(subgraph.dataSource, { status });
    const before = await storedSupport(subgraph.dataSource, id);
    const counts = await tableCounts(subgraph.dataSource);
    const { data, errors } = await subgraph.client.as(admin).request(START, { id, startedOn: '2024-10-01' });
    expect(data).toBeNull();
    expect(errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', status, allowed });
    expect(errors![0]!.message).toMatch(message);
    expect(await storedSupport(subgraph.dataSource, id)).toEqual(before);
    expect(await tableCounts(subgraph.dataSource)).toEqual(counts);
  });

  it.each([
    ['a start before the approval', { startedOn: '2024-02-29' }, 'BAD_USER_INPUT', 'startedOn', /cannot start on 2024-02-29, before the support was approved on 2024-03-01/],
    ['a start in the future', { startedOn: '2999-01-01' }, 'BAD_USER_INPUT', 'startedOn', /in the future/],
    ['an unknown support', { id: randomUUID() }, 'NOT_FOUND', 'id', /No housing support has id/],
    ['an id that is not an id', { id: 'HT-1' }, 'NOT_FOUND', 'id', /No housing support has id HT-1/],
  ])('refuses %s and writes nothing', async (_label, overrides, code, field, message) => {
    const id = await insertSupport(subgraph.dataSource, { approvedOn: '2024-03-01' });
    const counts = await tableCounts(subgraph.dataSource);
    const { errors } = await subgraph.client.as(admin).request(START, { id, startedOn: '2024-04-01', ...overrides });
    expect(errors![0]!.extensions).toMatchObject({ code, field });
    expect(errors![0]!.message).toMatch(message);
    expect(await storedSupport(subgraph.dataSource, id)).toMatchObject({ status: 'APPROVED', started_on: null });
    expect(await tableCounts(subgraph.dataSource)).toEqual(counts);
  });

  it('refuses callers other than a housing board', async () => {
    const id = await insertSupport(subgraph.dataSource);
    const { errors } = await subgraph.client.as(testCallers.investmentBoard('630')).request(START, { id, startedOn: '2024-04-01' });
    expect(errors![0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(errors![0]!.message).toMatch(/Only HOUSING_BOARD staff may record the start of housing works/);
  });

  it("checks a board's area on the map through the gateway: unreachable → UPSTREAM_UNAVAILABLE, nothing written", async () => {
    const id = await insertSupport(subgraph.dataSource);
    const counts = await tableCounts(subgraph.dataSource);
    const { errors } = await subgraph.client.as(testCallers.housingBoard('630')).request(START, { id, startedOn: '2024-04-01' });
    expect(errors![0]!.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: true });
    expect(await tableCounts(subgraph.dataSource)).toEqual(counts);
    expect(await storedSupport(subgraph.dataSource, id)).toMatchObject({ status: 'APPROVED' });
  });
});
