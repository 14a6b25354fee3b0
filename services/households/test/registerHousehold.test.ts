import { startTestSubgraph, testCallers, graphqlClient, type TestSubgraph } from '@povgraph/testing';
import { householdInput, insertUnits, recipe, REGISTER, tableCounts, UNITS } from './fixtures';

let subgraph: TestSubgraph;
const clerk = testCallers.labourOffice(UNITS.district);

beforeAll(async () => {
  subgraph = await startTestSubgraph(recipe);
  await insertUnits(subgraph.dataSource);
});
afterAll(() => subgraph.stop());

describe('registerHousehold', () => {
  it('registers a household and audits who did it', async () => {
    const { data, errors } = await subgraph.client.as(clerk).request(REGISTER, { input: householdInput() });
    expect(errors).toBeUndefined();
    expect(data!.registerHousehold).toMatchObject({ code: 'KC-0001', communeCode: UNITS.communeA, members: 5, ethnicMinority: true, withoutLabourCapacity: false, registeredOn: '2021-03-15' });
    const [audit] = await subgraph.dataSource.query(`SELECT * FROM audit_log WHERE entity_id = $1`, [data!.registerHousehold.id]);
    expect(audit).toMatchObject({ action: 'registerHousehold', actor_subject: clerk.subject, actor_role: 'LABOUR_OFFICE', before: null });
    expect(audit.after).toMatchObject({ code: 'KC-0001', headName: 'Đinh Văn Hmơ' });
  });

  it.each([
    ['an unknown commune', { communeCode: '99999' }, 'BAD_USER_INPUT', 'input.communeCode', /No administrative unit has code 99999/],
    ['a district instead of a commune', { communeCode: UNITS.district }, 'BAD_USER_INPUT', 'input.communeCode', /is a district, not a commune/],
    ['a commune abolished before the date', { code: 'KC-X1', registeredOn: '2025-08-01' }, 'BAD_USER_INPUT', 'input.communeCode', /existed from .* to 2025-06-30, not on 2025-08-01\. Use its successor: 23710/],
    ['a commune not yet created on the date', { code: 'KC-X2', communeCode: UNITS.mergedCommune, registeredOn: '2024-01-01' }, 'BAD_USER_INPUT', 'input.communeCode', /existed from 2025-07-01, not on 2024-01-01/],
    ['a registry code already used', {}, 'CONFLICT', 'input.code', /already used/],
    ['a malformed registry code', { code: 'KC 0002' }, 'BAD_USER_INPUT', 'input.code', /letters, digits/],
    ['a national ID of 9 digits', { code: 'KC-X3', nationalId: '123456789' }, 'BAD_USER_INPUT', 'input.nationalId', /12 digits/],
    ['no members', { code: 'KC-X4', members: 0 }, 'BAD_USER_INPUT', 'input.members', /from 1 to 50/],
    ['a blank head of household', { code: 'KC-X5', headName: '   ' }, 'BAD_USER_INPUT', 'input.headName', /must not be empty/],
    ['a registration date in the future', { code: 'KC-X6', registeredOn: '2999-01-01' }, 'BAD_USER_INPUT', 'input.registeredOn', /in the future/],
  ])('refuses %s and writes nothing', async (_label, overrides, code, field, message) => {
    const before = await tableCounts(subgraph.dataSource);
    const { data, errors } = await subgraph.client.as(clerk).request(REGISTER, { input: householdInput(overrides) });
    expect(data).toBeNull();
    expect(errors![0]!.extensions).toMatchObject({ code, field });
    expect(errors![0]!.message).toMatch(message);
    expect(await tableCounts(subgraph.dataSource)).toEqual(before);
  });

  it('refuses an invalid date or code before the service runs, naming the variable field', async () => {
    const { errors } = await subgraph.client.as(clerk).request(REGISTER, { input: householdInput({ code: 'KC-X7', registeredOn: '2023-02-30', communeCode: '1' }) });
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0]!.message).toMatch(/input\.(registeredOn|communeCode)/);
  });

  describe('who may register', () => {
    it.each([
      ['an analyst', testCallers.analyst(), /Only LABOUR_OFFICE staff may register households/],
      ['a bank officer', testCallers.bankOfficer(UNITS.district), /you are signed in as BANK_OFFICER/],
    ])('refuses %s with FORBIDDEN', async (_label, caller, message) => {
      const before = await tableCounts(subgraph.dataSource);
      const { errors } = await subgraph.client.as(caller).request(REGISTER, { input: householdInput({ code: 'KC-F1' }) });
      expect(errors![0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
      expect(errors![0]!.message).toMatch(message);
      expect(await tableCounts(subgraph.dataSource)).toEqual(before);
    });

    it('refuses a labour office of another district', async () => {
      const { errors } = await subgraph.client.as(testCallers.labourOffice(UNITS.otherDistrict)).request(REGISTER, { input: householdInput({ code: 'KC-F2' }) });
      expect(errors![0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
      expect(errors![0]!.message).toMatch(/You serve area 631/);
    });

    it('lets the province office and an administrator register', async () => {
      const province = await subgraph.client.as(testCallers.labourOffice(UNITS.province)).request(REGISTER, { input: householdInput({ code: 'KC-P1' }) });
      expect(province.errors).toBeUndefined();
      const admin = await subgraph.client.as(testCallers.admin()).request(REGISTER, { input: householdInput({ code: 'KC-P2', communeCode: UNITS.otherCommune }) });
      expect(admin.errors).toBeUndefined();
    });

    it('refuses an anonymous caller and a forged caller header with UNAUTHENTICATED', async () => {
      const anonymous = await subgraph.client.request(REGISTER, { input: householdInput({ code: 'KC-F3' }) });
      expect(anonymous.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
      const forged = graphqlClient(subgraph.url, 'a-forged-secret-that-is-long-enough-000').as(testCallers.admin());
      const forgedResult = await forged.request(REGISTER, { input: householdInput({ code: 'KC-F4' }) });
      expect(forgedResult.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
      expect(await subgraph.dataSource.query(`SELECT 1 FROM households WHERE code IN ('KC-F3', 'KC-F4')`)).toHaveLength(0);
    });
  });
});
