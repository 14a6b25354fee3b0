import { randomUUID } from 'node:crypto';
import { startTestSubgraph, testCallers, type TestSubgraph } from '@povgraph/testing';
import { APPROVE, approveInput, COMMUNES, insertSupport, recipe, tableCounts } from './fixtures';

/*
 * The checks that come before the registry is asked, with the default gateway
 * (unreachable). The approvals themselves read the registry and the map through
 * the gateway: test/src/housing.e2e.test.ts runs them over the real stack.
 */
let subgraph: TestSubgraph;
const board = testCallers.housingBoard('630');

beforeAll(async () => {
  subgraph = await startTestSubgraph(recipe);
});
afterAll(() => subgraph.stop());

describe('approveHousingSupport, before the registry is asked', () => {
  it.each([
    ['an approval date in the future', { approvedOn: '2999-01-01' }, 'BAD_USER_INPUT', 'input.approvedOn', /The approval date 2999-01-01 is in the future/],
    ['Dự án 5 support before its rules apply', { approvedOn: '2021-12-31' }, 'BAD_USER_INPUT', 'input.approvedOn', /No NTP_PROJECT_5 rule for NEW_BUILD support is in force on 2021-12-31; its rules apply from 2022-01-01/],
    ['programme 167 before its rules apply', { source: 'PROGRAMME_167', approvedOn: '2014-12-31', grantAmount: 1 }, 'BAD_USER_INPUT', 'input.approvedOn', /from 2015-01-01/],
    ['a Dự án 5 new build 1 đồng over 40M', { grantAmount: 40_000_001 }, 'BAD_USER_INPUT', 'input.grantAmount', /over the cap of 40,000,000 đồng for NEW_BUILD support from NTP_PROJECT_5/],
    ['a Dự án 5 repair 1 đồng over 20M', { kind: 'REPAIR', grantAmount: 20_000_001 }, 'BAD_USER_INPUT', 'input.grantAmount', /over the cap of 20,000,000 đồng/],
    ['a Fund for the Poor new build over 70M', { source: 'FUND_FOR_THE_POOR', grantAmount: 70_000_001 }, 'BAD_USER_INPUT', 'input.grantAmount', /over the cap of 70,000,000 đồng/],
    ['a grant of 0', { source: 'DONOR', grantAmount: 0 }, 'BAD_USER_INPUT', 'input.grantAmount', /more than 0/],
    ['a sponsor name of 201 characters', { source: 'DONOR', sponsor: 'x'.repeat(201) }, 'BAD_USER_INPUT', 'input.sponsor', /at most 200 characters/],
    ['a household id that is not an id', { householdId: 'KC-0001' }, 'NOT_FOUND', 'input.householdId', /No household has id KC-0001/],
    ['a loan id that is not an id', { loanId: 'HĐ-123' }, 'BAD_USER_INPUT', 'input.loanId', /is not a VBSP loan id/],
  ])('refuses %s and writes nothing', async (_label, overrides, code, field, message) => {
    const before = await tableCounts(subgraph.dataSource);
    const { data, errors } = await subgraph.client.as(board).request(APPROVE, { input: approveInput(overrides) });
    expect(data).toBeNull();
    expect(errors![0]!.extensions).toMatchObject({ code, field });
    expect(errors![0]!.message).toMatch(message);
    expect(await tableCounts(subgraph.dataSource)).toEqual(before);
  });

  it('refuses a negative or fractional grant at the VND scalar', async () => {
    for (const grantAmount of [-1, 1.5]) {
      const { errors } = await subgraph.client.as(board).request(APPROVE, { input: approveInput({ grantAmount }) });
      expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
      expect(errors![0]!.message).toMatch(/input\.grantAmount/);
    }
  });

  it.each([
    ['a grant exactly at the Dự án 5 cap', { grantAmount: 40_000_000 }],
    ['a repair exactly at 20M', { kind: 'REPAIR', grantAmount: 20_000_000 }],
    ['a donor grant with no cap', { source: 'DONOR', sponsor: 'Công ty Hoa Sen', grantAmount: 120_000_000 }],
    ['a valid loan id', { loanId: randomUUID() }],
  ])('accepts %s, then answers UPSTREAM_UNAVAILABLE when the registry cannot be reached, writing nothing', async (_label, overrides) => {
    const before = await tableCounts(subgraph.dataSource);
    const { data, errors } = await subgraph.client.as(board).request(APPROVE, { input: approveInput(overrides) });
    expect(data).toBeNull();
    expect(errors![0]!.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: true });
    expect(errors![0]!.message).toBe('The household registry could not be reached; nothing was written. Try again in a moment.');
    expect(await tableCounts(subgraph.dataSource)).toEqual(before);
  });

  it('asks the registry for an administrator too: eligibility is never skipped', async () => {
    const { errors } = await subgraph.client.as(testCallers.admin()).request(APPROVE, { input: approveInput() });
    expect(errors![0]!.extensions!.code).toBe('UPSTREAM_UNAVAILABLE');
  });

  describe('who may approve', () => {
    it.each([
      ['an analyst', testCallers.analyst(), /Only HOUSING_BOARD staff may approve housing support; you are signed in as ANALYST/],
      ['a labour office', testCallers.labourOffice('630'), /you are signed in as LABOUR_OFFICE/],
      ['a bank officer', testCallers.bankOfficer('630'), /you are signed in as BANK_OFFICER/],
    ])('refuses %s with FORBIDDEN before anything else', async (_label, caller, message) => {
      const before = await tableCounts(subgraph.dataSource);
      const { errors } = await subgraph.client.as(caller).request(APPROVE, { input: approveInput({ grantAmount: 99_000_000 }) });
      expect(errors![0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
      expect(errors![0]!.message).toMatch(message);
      expect(await tableCounts(subgraph.dataSource)).toEqual(before);
    });

    it('refuses an anonymous caller with UNAUTHENTICATED', async () => {
      const { errors } = await subgraph.client.request(APPROVE, { input: approveInput() });
      expect(errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    });
  });
});

describe('the one-support-per-source rule in the database', () => {
  it('refuses a second active support from the same source, but not after a cancellation nor from another source', async () => {
    const householdId = randomUUID();
    await insertSupport(subgraph.dataSource, { householdId, status: 'CANCELLED' });
    await insertSupport(subgraph.dataSource, { householdId, status: 'COMPLETED' });
    await expect(insertSupport(subgraph.dataSource, { householdId, kind: 'REPAIR', grantAmount: 20_000_000 })).rejects.toMatchObject({
      code: '23505',
      constraint: 'housing_supports_household_source_key',
    });
    await expect(insertSupport(subgraph.dataSource, { householdId, source: 'FUND_FOR_THE_POOR', communeCode: COMMUNES.a })).resolves.toBeDefined();
  });

  it('refuses a housing loan linked to two active supports', async () => {
    const loanId = randomUUID();
    await insertSupport(subgraph.dataSource, { loanId });
    await expect(insertSupport(subgraph.dataSource, { loanId })).rejects.toMatchObject({ code: '23505', constraint: 'housing_supports_loan_key' });
  });

  it('refuses dates out of order and a status without its dates', async () => {
    await expect(insertSupport(subgraph.dataSource, { status: 'UNDER_CONSTRUCTION', startedOn: '2024-01-01' })).rejects.toMatchObject({ code: '23514' });
    await expect(insertSupport(subgraph.dataSource, { status: 'COMPLETED', completedOn: null })).rejects.toMatchObject({ code: '23514' });
  });
});
