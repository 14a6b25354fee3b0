import { startTestSubgraph, testCallers, type TestSubgraph } from '@povgraph/testing';
import { classify } from '../src/domain/classify';
import { AreaType, PovertyStandard } from '../src/entities';
import { insertUnits, recipe, SET_TARGET, tableCounts, UNITS } from './fixtures';

let subgraph: TestSubgraph;
const clerk = testCallers.labourOffice(UNITS.district);

beforeAll(async () => {
  subgraph = await startTestSubgraph(recipe);
  await insertUnits(subgraph.dataSource);
});
afterAll(() => subgraph.stop());

describe('setReductionTarget', () => {
  it('assigns a target, then changes it in place with before / after in the audit', async () => {
    const first = await subgraph.client.as(clerk).request(SET_TARGET, { input: { unitCode: UNITS.communeA, year: 2024, indicator: 'POVERTY_RATE_POINTS', value: 5.5 } });
    expect(first.errors).toBeUndefined();
    expect(first.data!.setReductionTarget).toMatchObject({ unitCode: UNITS.communeA, year: 2024, indicator: 'POVERTY_RATE_POINTS', value: 5.5, note: null, unit: { name: 'Thị trấn Kông Chro' } });

    const second = await subgraph.client.as(clerk).request(SET_TARGET, { input: { unitCode: UNITS.communeA, year: 2024, indicator: 'POVERTY_RATE_POINTS', value: 6, note: 'Nghị quyết HĐND' } });
    expect(second.data!.setReductionTarget).toMatchObject({ id: first.data!.setReductionTarget.id, value: 6, note: 'Nghị quyết HĐND' });
    const audits = await subgraph.dataSource.query(`SELECT before->>'value' AS before, after->>'value' AS after FROM audit_log WHERE entity_type = 'ReductionTarget' ORDER BY id`);
    expect(audits).toEqual([{ before: null, after: '5.5' }, { before: '5.5', after: '6' }]);
  });

  it('shows targets on the unit, per year', async () => {
    await subgraph.client.as(clerk).request(SET_TARGET, { input: { unitCode: UNITS.district, year: 2024, indicator: 'JOBS', value: 825 } });
    await subgraph.client.as(clerk).request(SET_TARGET, { input: { unitCode: UNITS.district, year: 2024, indicator: 'TRAINED_LABOUR_SHARE', value: 49 } });
    await subgraph.client.as(clerk).request(SET_TARGET, { input: { unitCode: UNITS.district, year: 2018, indicator: 'POOR_AND_NEAR_POOR_RATE_POINTS', value: 0.4 } });
    const { data } = await subgraph.client.as(testCallers.analyst()).request(`{ adminUnit(code: "630") { y2024: reductionTargets(year: 2024) { indicator value } all: reductionTargets { year } } }`);
    expect(data!.adminUnit.y2024).toEqual([{ indicator: 'JOBS', value: 825 }, { indicator: 'TRAINED_LABOUR_SHARE', value: 49 }]);
    expect(data!.adminUnit.all).toHaveLength(3);
  });

  it.each([
    ['an unknown unit', { unitCode: '99999' }, 'BAD_USER_INPUT', 'input.unitCode', /No administrative unit has code 99999/],
    ['a year no standard covers', { year: 2040 }, 'BAD_USER_INPUT', 'input.year', /No poverty standard covers 2040/],
    ['a fractional count of households', { indicator: 'NEAR_POOR_HOUSEHOLDS', value: 14.2 }, 'BAD_USER_INPUT', 'input.value', /whole number/],
    ['a rate beyond 100 points', { value: 120 }, 'BAD_USER_INPUT', 'input.value', /from -100 to 100/],
    ['three decimals', { value: 1.234 }, 'BAD_USER_INPUT', 'input.value', /at most 2 decimals/],
  ])('refuses %s and writes nothing', async (_label, overrides, code, field, message) => {
    const before = await tableCounts(subgraph.dataSource);
    const { errors } = await subgraph.client.as(clerk).request(SET_TARGET, { input: { unitCode: UNITS.communeB, year: 2024, indicator: 'POVERTY_RATE_POINTS', value: 2, ...overrides } });
    expect(errors![0]!.extensions).toMatchObject({ code, field });
    expect(errors![0]!.message).toMatch(message);
    expect(await tableCounts(subgraph.dataSource)).toEqual(before);
  });

  it('refuses a unit outside the caller’s area', async () => {
    const { errors } = await subgraph.client.as(clerk).request(SET_TARGET, { input: { unitCode: UNITS.otherCommune, year: 2024, indicator: 'JOBS', value: 10 } });
    expect(errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
});

describe('definePovertyStandard', () => {
  const standard2031 = {
    code: '2031-2035',
    name: 'Chuẩn nghèo giai đoạn 2031–2035',
    legalBasis: 'Nghị định (giả định cho kiểm thử)',
    fromYear: 2031,
    toYear: 2035,
    minLackingForPoor: 3,
    indicators: [
      { code: 'EMPLOYMENT', dimension: 'EMPLOYMENT', name: 'Việc làm' },
      { code: 'HEALTH_INSURANCE', dimension: 'HEALTH', name: 'Bảo hiểm y tế' },
      { code: 'DIGITAL_SKILLS', dimension: 'INFORMATION', name: 'Kỹ năng số' },
    ],
    rural: { incomeLine: 3_000_000, averageLivingLine: 4_500_000 },
    urban: { incomeLine: 3_800_000, averageLivingLine: 5_700_000 },
  };
  const DEFINE = `mutation Define($input: DefinePovertyStandardInput!) { definePovertyStandard(input: $input) { code fromYear toYear rural { poorIncomeLine incomeLine } indicators { code } } }`;

  it('is for administrators only', async () => {
    const { errors } = await subgraph.client.as(clerk).request(DEFINE, { input: standard2031 });
    expect(errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('refuses a standard overlapping one on record', async () => {
    const before = await tableCounts(subgraph.dataSource);
    const { errors } = await subgraph.client.as(testCallers.admin()).request(DEFINE, { input: { ...standard2031, code: 'overlap', fromYear: 2030 } });
    expect(errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.fromYear' });
    expect(errors![0]!.message).toMatch(/2027-2030 already covers 2027–2030/);
    expect(await tableCounts(subgraph.dataSource)).toEqual(before);
  });

  it('adds a standard as data that classifies the reviews of its years', async () => {
    const { data, errors } = await subgraph.client.as(testCallers.admin()).request(DEFINE, { input: standard2031 });
    expect(errors).toBeUndefined();
    expect(data!.definePovertyStandard).toMatchObject({ code: '2031-2035', rural: { poorIncomeLine: null, incomeLine: 3_000_000 } });

    // Reviews of 2031 cannot be dated yet; the stored row alone decides their class.
    const stored = await subgraph.dataSource.getRepository(PovertyStandard).findOneByOrFail({ code: '2031-2035' });
    const household = { incomePerPersonMonthly: 2_900_000, lackingCount: 1, areaType: AreaType.RURAL, agricultural: false, previousStatuses: [] };
    expect(classify(household, stored)).toBe('NEAR_POOR');
    expect(classify({ ...household, lackingCount: 3 }, stored)).toBe('POOR');
    expect(classify({ ...household, incomePerPersonMonthly: 3_000_001 }, stored)).toBe('NOT_POOR');
    const listed = await subgraph.client.as(testCallers.analyst()).request(`{ povertyStandard(year: 2033) { code } povertyStandards { code } }`);
    expect(listed.data).toEqual({ povertyStandard: { code: '2031-2035' }, povertyStandards: [{ code: '2016-2020' }, { code: '2022-2025' }, { code: '2027-2030' }, { code: '2031-2035' }] });
  });
});
