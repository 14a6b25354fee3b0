import { randomUUID } from 'node:crypto';
import { startTestSubgraph, testCallers, type TestSubgraph } from '@povgraph/testing';
import { COMPLETE, insertSupport, recipe, storedSupport, tableCounts } from './fixtures';

let subgraph: TestSubgraph;
const admin = testCallers.admin();

beforeAll(async () => {
  subgraph = await startTestSubgraph(recipe);
});
afterAll(() => subgraph.stop());

describe('completeConstruction', () => {
  it('completes works under way and audits the change', async () => {
    const id = await insertSupport(subgraph.dataSource, { status: 'UNDER_CONSTRUCTION', startedOn: '2024-04-01' });
    const { data, errors } = await subgraph.client.as(admin).request(COMPLETE, { id, completedOn: '2024-04-01' });
    expect(errors).toBeUndefined();
    expect(data!.completeConstruction).toMatchObject({ id, status: 'COMPLETED', startedOn: '2024-04-01', completedOn: '2024-04-01', floorAreaM2: null, areaPerPersonM2: null });
    const audits = await subgraph.dataSource.query(`SELECT action, before->>'status' AS before, after->>'status' AS after FROM audit_log WHERE entity_id = $1`, [id]);
    expect(audits).toEqual([{ action: 'completeConstruction', before: 'UNDER_CONSTRUCTION', after: 'COMPLETED' }]);
  });

  it.each([
    ['APPROVED', /is APPROVED and cannot become COMPLETED; from APPROVED it may only become UNDER_CONSTRUCTION or CANCELLED/, ['UNDER_CONSTRUCTION', 'CANCELLED']],
    ['COMPLETED', /is already COMPLETED; COMPLETED is final/, []],
    ['CANCELLED', /is CANCELLED and cannot become COMPLETED; CANCELLED is final/, []],
  ] as const)('refuses a support that is %s with CONFLICT, naming what may follow', async (status, message, allowed) => {
    const id = await insertSupport(subgraph.dataSource, { status });
    const before = await storedSupport(subgraph.dataSource, id);
    const counts = await tableCounts(subgraph.dataSource);
    const { data, errors } = await subgraph.client.as(admin).request(COMPLETE, { id, completedOn: '2024-10-01' });
    expect(data).toBeNull();
    expect(errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', status, allowed });
    expect(errors![0]!.message).toMatch(message);
    expect(await storedSupport(subgraph.dataSource, id)).toEqual(before);
    expect(await tableCounts(subgraph.dataSource)).toEqual(counts);
  });

  it.each([
    ['a completion before the start', { completedOn: '2024-03-31' }, 'BAD_USER_INPUT', 'completedOn', /cannot be completed on 2024-03-31, before they started on 2024-04-01/],
    ['a completion in the future', { completedOn: '2999-01-01' }, 'BAD_USER_INPUT', 'completedOn', /in the future/],
    ['a floor area of 0', { floorAreaM2: 0 }, 'BAD_USER_INPUT', 'floorAreaM2', /more than 0 and at most 1000 m²; got 0/],
    ['a floor area over 1000 m²', { floorAreaM2: 1000.01 }, 'BAD_USER_INPUT', 'floorAreaM2', /at most 1000 m²/],
    ['a floor area with 3 decimals', { floorAreaM2: 36.125 }, 'BAD_USER_INPUT', 'floorAreaM2', /at most 2 decimals/],
    ['an unknown support', { id: randomUUID() }, 'NOT_FOUND', 'id', /No housing support has id/],
  ])('refuses %s and writes nothing', async (_label, overrides, code, field, message) => {
    const id = await insertSupport(subgraph.dataSource, { status: 'UNDER_CONSTRUCTION', startedOn: '2024-04-01' });
    const counts = await tableCounts(subgraph.dataSource);
    const { errors } = await subgraph.client.as(admin).request(COMPLETE, { id, completedOn: '2024-09-01', ...overrides });
    expect(errors![0]!.extensions).toMatchObject({ code, field });
    expect(errors![0]!.message).toMatch(message);
    expect(await storedSupport(subgraph.dataSource, id)).toMatchObject({ status: 'UNDER_CONSTRUCTION', completed_on: null });
    expect(await tableCounts(subgraph.dataSource)).toEqual(counts);
  });

  it('reads the members from the registry for the area per person: unreachable → UPSTREAM_UNAVAILABLE, nothing written', async () => {
    const id = await insertSupport(subgraph.dataSource, { status: 'UNDER_CONSTRUCTION' });
    const counts = await tableCounts(subgraph.dataSource);
    const { errors } = await subgraph.client.as(admin).request(COMPLETE, { id, completedOn: '2024-09-01', floorAreaM2: 36 });
    expect(errors![0]!.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: true });
    expect(errors![0]!.message).toMatch(/^The household registry could not be reached; nothing was written/);
    expect(await storedSupport(subgraph.dataSource, id)).toMatchObject({ status: 'UNDER_CONSTRUCTION', floor_area_m2: null });
    expect(await tableCounts(subgraph.dataSource)).toEqual(counts);
  });

  it('refuses callers other than a housing board', async () => {
    const id = await insertSupport(subgraph.dataSource, { status: 'UNDER_CONSTRUCTION' });
    const { errors } = await subgraph.client.as(testCallers.analyst()).request(COMPLETE, { id, completedOn: '2024-09-01' });
    expect(errors![0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(errors![0]!.message).toMatch(/Only HOUSING_BOARD staff may record the completion of housing works/);
  });
});
