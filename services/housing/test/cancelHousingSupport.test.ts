import { startTestSubgraph, testCallers, type TestSubgraph } from '@povgraph/testing';
import { CANCEL, insertSupport, recipe, storedSupport, tableCounts } from './fixtures';

let subgraph: TestSubgraph;
const admin = testCallers.admin();

beforeAll(async () => {
  subgraph = await startTestSubgraph(recipe);
});
afterAll(() => subgraph.stop());

describe('cancelHousingSupport', () => {
  it.each([
    ['an approved support', 'APPROVED', '2024-03-01'],
    ['works under way', 'UNDER_CONSTRUCTION', '2024-04-01'],
  ] as const)('cancels %s with its reason and audits the change', async (_label, status, cancelledOn) => {
    const id = await insertSupport(subgraph.dataSource, { status });
    const { data, errors } = await subgraph.client.as(admin).request(CANCEL, { id, cancelledOn, reason: '  Household moved to another province  ' });
    expect(errors).toBeUndefined();
    expect(data!.cancelHousingSupport).toMatchObject({ id, status: 'CANCELLED', cancelledOn, cancellationReason: 'Household moved to another province' });
    const audits = await subgraph.dataSource.query(`SELECT action, before->>'status' AS before, after->>'status' AS after FROM audit_log WHERE entity_id = $1`, [id]);
    expect(audits).toEqual([{ action: 'cancelHousingSupport', before: status, after: 'CANCELLED' }]);
  });

  it.each([
    ['COMPLETED', /is COMPLETED and cannot become CANCELLED; COMPLETED is final/],
    ['CANCELLED', /is already CANCELLED; CANCELLED is final/],
  ] as const)('refuses a support that is %s with CONFLICT', async (status, message) => {
    const id = await insertSupport(subgraph.dataSource, { status });
    const before = await storedSupport(subgraph.dataSource, id);
    const counts = await tableCounts(subgraph.dataSource);
    const { errors } = await subgraph.client.as(admin).request(CANCEL, { id, cancelledOn: '2024-10-01', reason: 'Mistake' });
    expect(errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', status, allowed: [] });
    expect(errors![0]!.message).toMatch(message);
    expect(await storedSupport(subgraph.dataSource, id)).toEqual(before);
    expect(await tableCounts(subgraph.dataSource)).toEqual(counts);
  });

  it.each([
    ['a cancellation before the approval', 'APPROVED', { cancelledOn: '2024-02-29' }, 'cancelledOn', /cannot be cancelled on 2024-02-29, before it was approved on 2024-03-01/],
    ['a cancellation before works started', 'UNDER_CONSTRUCTION', { cancelledOn: '2024-03-31' }, 'cancelledOn', /before works started on 2024-04-01/],
    ['a cancellation in the future', 'APPROVED', { cancelledOn: '2999-01-01' }, 'cancelledOn', /in the future/],
    ['a blank reason', 'APPROVED', { reason: '   ' }, 'reason', /The reason for cancelling must not be empty/],
    ['a reason of 501 characters', 'APPROVED', { reason: 'x'.repeat(501) }, 'reason', /at most 500 characters/],
  ] as const)('refuses %s and writes nothing', async (_label, status, overrides, field, message) => {
    const id = await insertSupport(subgraph.dataSource, { status });
    const counts = await tableCounts(subgraph.dataSource);
    const { errors } = await subgraph.client.as(admin).request(CANCEL, { id, cancelledOn: '2024-05-01', reason: 'Household moved away', ...overrides });
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(errors![0]!.message).toMatch(message);
    expect(await storedSupport(subgraph.dataSource, id)).toMatchObject({ status, cancelled_on: null });
    expect(await tableCounts(subgraph.dataSource)).toEqual(counts);
  });

  it('cancels once when two clerks cancel the same support at once; the other gets CONFLICT and nothing is written twice', async () => {
    for (let round = 0; round < 5; round++) {
      const id = await insertSupport(subgraph.dataSource, { status: 'UNDER_CONSTRUCTION' });
      const results = await Promise.all(
        ['Household moved away', 'Duplicate file'].map((reason) => subgraph.client.as(admin).request(CANCEL, { id, cancelledOn: '2024-07-01', reason })),
      );
      const outcomes = results.map((result) => (result.errors ? result.errors[0]!.extensions!.code : 'OK')).sort();
      expect(outcomes).toEqual(['CONFLICT', 'OK']);
      const winner = results.find((result) => !result.errors)!.data!.cancelHousingSupport;
      expect(await storedSupport(subgraph.dataSource, id)).toMatchObject({ status: 'CANCELLED', cancellation_reason: winner.cancellationReason });
      expect(await subgraph.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1`, [id])).toEqual([{ n: 1 }]);
    }
  });

  it('refuses callers other than a housing board', async () => {
    const id = await insertSupport(subgraph.dataSource);
    const { errors } = await subgraph.client.as(testCallers.labourOffice('630')).request(CANCEL, { id, cancelledOn: '2024-05-01', reason: 'x' });
    expect(errors![0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(errors![0]!.message).toMatch(/Only HOUSING_BOARD staff may cancel housing support/);
  });
});
