import { startTestSubgraph, testCallers, type TestSubgraph } from '@povgraph/testing';
import { recipe, RECORD_EXPORT, tableCounts, UNITS } from '../../../services/training/test/fixtures';
import { registerHousehold, startWithRegistry, type WithRegistry } from './withRegistry';

let env: WithRegistry;
let offline: TestSubgraph;
let householdId: string;
let otherDistrictHousehold: string;
let lateHousehold: string;
const centre = testCallers.trainingCentre(UNITS.district);

const support = (overrides: Record<string, unknown> = {}) => ({
  householdId,
  workerName: 'Đinh Văn Thương',
  destinationCountry: 'Nhật Bản',
  departureDate: '2023-08-20',
  amount: 12_000_000,
  ...overrides,
});

beforeAll(async () => {
  env = await startWithRegistry();
  offline = await startTestSubgraph(recipe);
  householdId = await registerHousehold(env.registry.dataSource, 'KC-X', UNITS.communeB);
  otherDistrictHousehold = await registerHousehold(env.registry.dataSource, 'IP-X', UNITS.otherCommune);
  lateHousehold = await registerHousehold(env.registry.dataSource, 'KC-LATE', UNITS.communeA, '2023-09-01');
});
afterAll(async () => {
  await env.stack.stop();
  await offline.stop();
});

describe('recordLabourExportSupport', () => {
  it('records support for a worker, counted in the household’s commune from the registry, and audits it', async () => {
    const { data, errors } = await env.training.client.as(centre).request(RECORD_EXPORT, { input: support() });
    expect(errors).toBeUndefined();
    expect(data!.recordLabourExportSupport).toEqual({
      id: expect.any(String),
      communeCode: UNITS.communeB,
      workerName: 'Đinh Văn Thương',
      destinationCountry: 'Nhật Bản',
      departureDate: '2023-08-20',
      amount: 12_000_000,
      household: { id: householdId },
    });
    const [audit] = await env.training.dataSource.query(`SELECT * FROM audit_log WHERE entity_id = $1`, [data!.recordLabourExportSupport.id]);
    expect(audit).toMatchObject({ action: 'recordLabourExportSupport', entity_type: 'LabourExportSupport', actor_subject: centre.subject, before: null });
    expect(audit.after).toMatchObject({ householdId, amount: 12_000_000, communeCode: UNITS.communeB });
  });

  it('supports the same worker again on a later departure', async () => {
    const { errors } = await env.training.client.as(centre).request(RECORD_EXPORT, { input: support({ departureDate: '2024-02-01', destinationCountry: 'Hàn Quốc' }) });
    expect(errors).toBeUndefined();
  });

  it.each([
    ['no amount', () => ({ amount: 0 }), 'BAD_USER_INPUT', 'input.amount', /The support amount must be a whole number of đồng, more than 0; got 0/],
    ['a blank worker name', () => ({ workerName: '  ' }), 'BAD_USER_INPUT', 'input.workerName', /The worker’s name must not be empty/],
    ['a blank country', () => ({ destinationCountry: '' }), 'BAD_USER_INPUT', 'input.destinationCountry', /The country of destination must not be empty/],
    ['a country name of 101 characters', () => ({ destinationCountry: 'x'.repeat(101) }), 'BAD_USER_INPUT', 'input.destinationCountry', /at most 100 characters/],
    ['a departure in the future', () => ({ departureDate: '2999-01-01' }), 'BAD_USER_INPUT', 'input.departureDate', /The departure date 2999-01-01 is in the future/],
    ['a departure before the household was registered', () => ({ householdId: lateHousehold, departureDate: '2023-08-31' }), 'BAD_USER_INPUT', 'input.departureDate', /The household was registered on 2023-09-01; it cannot have a worker leaving on 2023-08-31/],
    ['a household the registry does not know', () => ({ householdId: '00000000-0000-4000-8000-000000000000' }), 'NOT_FOUND', 'input.householdId', /The household registry has no household with id 00000000-0000-4000-8000-000000000000/],
    ['the same departure a second time', () => ({ workerName: 'ĐINH VĂN  THƯƠNG' }), 'CONFLICT', 'input.workerName', /Support for ĐINH VĂN THƯƠNG of this household leaving on 2023-08-20 is already recorded; it is paid once/],
  ])('refuses %s and writes nothing', async (_label, overrides, code, field, message) => {
    const before = await tableCounts(env.training.dataSource);
    const { data, errors } = await env.training.client.as(centre).request(RECORD_EXPORT, { input: support(overrides()) });
    expect(data).toBeNull();
    expect(errors![0]!.extensions).toMatchObject({ code, field });
    expect(errors![0]!.message).toMatch(message);
    expect(await tableCounts(env.training.dataSource)).toEqual(before);
  });

  it('refuses a negative amount before the service runs', async () => {
    const { errors } = await env.training.client.as(centre).request(RECORD_EXPORT, { input: support({ amount: -5 }) });
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0]!.message).toMatch(/input\.amount/);
  });

  describe('who may record support', () => {
    it('refuses an investment board', async () => {
      const { errors } = await env.training.client.as(testCallers.investmentBoard(UNITS.district)).request(RECORD_EXPORT, { input: support({ departureDate: '2023-01-05' }) });
      expect(errors![0]!.extensions!.code).toBe('FORBIDDEN');
      expect(errors![0]!.message).toMatch(/Only TRAINING_CENTRE staff may record labour-export support; you are signed in as INVESTMENT_BOARD/);
    });

    it('refuses support for a household outside the centre’s area', async () => {
      const before = await tableCounts(env.training.dataSource);
      const { errors } = await env.training.client.as(centre).request(RECORD_EXPORT, { input: support({ householdId: otherDistrictHousehold }) });
      expect(errors![0]!.extensions!.code).toBe('FORBIDDEN');
      expect(errors![0]!.message).toBe(`You serve area 630; labour-export support for a household in commune ${UNITS.otherCommune} belongs to another area's office.`);
      expect(await tableCounts(env.training.dataSource)).toEqual(before);
    });

    it('lets the province centre record it', async () => {
      const { data, errors } = await env.training.client.as(testCallers.trainingCentre(UNITS.province)).request(RECORD_EXPORT, { input: support({ householdId: otherDistrictHousehold }) });
      expect(errors).toBeUndefined();
      expect(data!.recordLabourExportSupport.communeCode).toBe(UNITS.otherCommune);
    });
  });

  it.each([
    ['the centre of an area', centre],
    ['an administrator', testCallers.admin()],
  ])('answers UPSTREAM_UNAVAILABLE, retryable, to %s when the registry cannot be reached, and writes nothing', async (_label, caller) => {
    const before = await tableCounts(offline.dataSource);
    const { data, errors } = await offline.client.as(caller).request(RECORD_EXPORT, { input: support() });
    expect(data).toBeNull();
    expect(errors![0]!.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: true });
    expect(errors![0]!.message).toBe('The household registry could not be reached; nothing was written. Try again in a moment.');
    expect(await tableCounts(offline.dataSource)).toEqual(before);
  });
});
