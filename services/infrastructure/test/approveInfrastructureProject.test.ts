import { graphqlClient, startTestSubgraph, testCallers, type TestSubgraph } from '@povgraph/testing';
import { APPROVE, projectInput, recipe, tableCounts } from './fixtures';

// The registry is asked through the gateway, which is unreachable here: every
// refusal below happens before (or, for UPSTREAM_UNAVAILABLE, at) that question.
// Approvals that reach the registry are in test/src/infrastructure.e2e.test.ts.
let subgraph: TestSubgraph;
const board = testCallers.investmentBoard('630');

beforeAll(async () => {
  subgraph = await startTestSubgraph(recipe);
});
afterAll(() => subgraph.stop());

describe('approveInfrastructureProject — refusals before anything is written', () => {
  it.each([
    ['no commune', { communeCodes: [] }, 'input.communeCodes', /List at least one commune/],
    ['a commune listed twice', { communeCodes: ['23701', '23702', '23701'] }, 'input.communeCodes.2', /Commune 23701 is listed twice/],
    ['more communes than any work serves', { communeCodes: Array.from({ length: 51 }, (_, i) => String(23000 + i)) }, 'input.communeCodes', /at most 50 communes; got 51/],
    ['no capital at all', { investmentCapital: 0, recurrentCapital: 0 }, 'input.investmentCapital', /must be more than 0/],
    ['capitals beyond the safe range together', { investmentCapital: Number.MAX_SAFE_INTEGER, recurrentCapital: 1 }, 'input.investmentCapital', /must stay below/],
    ['a programme year before 2000', { programmeYear: 1999 }, 'input.programmeYear', /from 2000 to 2100; got 1999/],
    ['a programme year after 2100', { programmeYear: 2101 }, 'input.programmeYear', /from 2000 to 2100; got 2101/],
    ['an approval date in the future', { approvedOn: '2999-01-01' }, 'input.approvedOn', /The approval date 2999-01-01 is in the future; today is/],
    ['a blank name', { name: '  ' }, 'input.name', /The name of the work must not be empty/],
    ['a name of 201 characters', { name: 'Đ'.repeat(201) }, 'input.name', /at most 200 characters; it has 201/],
    ['a blank investor', { investor: '' }, 'input.investor', /The investor \(chủ đầu tư\) must not be empty/],
  ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_label, overrides, field, message) => {
    const before = await tableCounts(subgraph.dataSource);
    const { data, errors } = await subgraph.client.as(board).request(APPROVE, { input: projectInput(overrides) });
    expect(data).toBeNull();
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(errors![0]!.message).toMatch(message);
    expect(await tableCounts(subgraph.dataSource)).toEqual(before);
  });

  it.each([
    ['a negative capital', { recurrentCapital: -1 }, /input\.recurrentCapital/],
    ['a capital with decimals', { investmentCapital: 1.5 }, /input\.investmentCapital/],
    ['a capital written as text', { investmentCapital: '1000' }, /input\.investmentCapital/],
    ['a date that does not exist', { approvedOn: '2023-02-30' }, /input\.approvedOn/],
    ['a malformed commune code', { communeCodes: ['2370'] }, /input\.communeCodes/],
    ['an unknown category', { category: 'BRIDGE' }, /input\.category/],
  ])('refuses %s before the service runs, naming the variable field', async (_label, overrides, message) => {
    const before = await tableCounts(subgraph.dataSource);
    const { errors } = await subgraph.client.as(board).request(APPROVE, { input: projectInput(overrides) });
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0]!.message).toMatch(message);
    expect(await tableCounts(subgraph.dataSource)).toEqual(before);
  });

  it.each([
    ['an investment board', board],
    ['an administrator', testCallers.admin()],
  ])('answers UPSTREAM_UNAVAILABLE, retryable, for %s when the registry cannot be reached, and writes nothing', async (_label, caller) => {
    const before = await tableCounts(subgraph.dataSource);
    const { data, errors } = await subgraph.client.as(caller).request(APPROVE, { input: projectInput() });
    expect(data).toBeNull();
    expect(errors![0]!.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: true });
    expect(errors![0]!.message).toBe('The household registry could not be reached; nothing was written. Try again in a moment.');
    expect(await tableCounts(subgraph.dataSource)).toEqual(before);
  });

  describe('who may approve', () => {
    it.each([
      ['an analyst', testCallers.analyst(), /Only INVESTMENT_BOARD staff may approve Dự án 1 works; you are signed in as ANALYST/],
      ['a labour office', testCallers.labourOffice('630'), /you are signed in as LABOUR_OFFICE/],
      ['a housing board', testCallers.housingBoard('630'), /you are signed in as HOUSING_BOARD/],
    ])('refuses %s with FORBIDDEN and writes nothing', async (_label, caller, message) => {
      const before = await tableCounts(subgraph.dataSource);
      const { errors } = await subgraph.client.as(caller).request(APPROVE, { input: projectInput() });
      expect(errors![0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
      expect(errors![0]!.message).toMatch(message);
      expect(await tableCounts(subgraph.dataSource)).toEqual(before);
    });

    it('refuses an anonymous caller and a forged caller header with UNAUTHENTICATED', async () => {
      const before = await tableCounts(subgraph.dataSource);
      const anonymous = await subgraph.client.request(APPROVE, { input: projectInput() });
      expect(anonymous.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
      const forged = await graphqlClient(subgraph.url, 'a-forged-secret-that-is-long-enough-000').as(testCallers.admin()).request(APPROVE, { input: projectInput() });
      expect(forged.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
      expect(await tableCounts(subgraph.dataSource)).toEqual(before);
    });
  });
});
