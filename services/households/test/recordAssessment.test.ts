import { startTestSubgraph, testCallers, type TestSubgraph } from '@povgraph/testing';
import { householdInput, insertUnits, recipe, RECORD, REGISTER, tableCounts, UNITS } from './fixtures';

let subgraph: TestSubgraph;
let householdId: string;
const clerk = testCallers.labourOffice(UNITS.district);

const review = (overrides: Record<string, unknown> = {}) => ({
  householdId,
  year: 2023,
  assessedOn: '2023-11-20',
  incomePerPersonMonthly: 1_200_000,
  lackingIndicators: ['EMPLOYMENT', 'HEALTH_INSURANCE', 'HOUSING_QUALITY'],
  ...overrides,
});

beforeAll(async () => {
  subgraph = await startTestSubgraph(recipe);
  await insertUnits(subgraph.dataSource);
  const { data } = await subgraph.client.as(clerk).request(REGISTER, { input: householdInput({ registeredOn: '2020-05-01', agricultural: false }) });
  householdId = data!.registerHousehold.id;
});
afterAll(() => subgraph.stop());

describe('recordAssessment', () => {
  it('computes POOR by the 2022–2025 standard and audits the review', async () => {
    const { data, errors } = await subgraph.client.as(clerk).request(RECORD, { input: review() });
    expect(errors).toBeUndefined();
    expect(data!.recordAssessment).toMatchObject({ year: 2023, status: 'POOR', lackingCount: 3, incomePerPersonMonthly: 1_200_000, standard: { code: '2022-2025' } });
    const audits = await subgraph.dataSource.query(`SELECT action, before FROM audit_log WHERE entity_type = 'Assessment'`);
    expect(audits).toEqual([{ action: 'recordAssessment', before: null }]);
  });

  it('classifies the same income by the standard of each year', async () => {
    const r2021 = await subgraph.client.as(clerk).request(RECORD, { input: review({ year: 2021, assessedOn: '2021-11-01', lackingIndicators: ['HEALTH_SERVICE_ACCESS'] }) });
    expect(r2021.data!.recordAssessment).toMatchObject({ status: 'NOT_POOR', standard: { code: '2016-2020' } });
  });

  it('makes a later review NEWLY_ESCAPED, and reclassifies it when an earlier one is corrected', async () => {
    const later = await subgraph.client.as(clerk).request(RECORD, { input: review({ year: 2024, assessedOn: '2024-11-20', incomePerPersonMonthly: 1_600_000, lackingIndicators: [] }) });
    expect(later.data!.recordAssessment.status).toBe('NEWLY_ESCAPED');

    // The 2023 review is corrected: income was above the line after all.
    const corrected = await subgraph.client.as(clerk).request(RECORD, { input: review({ incomePerPersonMonthly: 3_000_000, lackingIndicators: [] }) });
    expect(corrected.data!.recordAssessment.status).toBe('NOT_POOR');
    const [row] = await subgraph.dataSource.query(`SELECT status FROM assessments WHERE household_id = $1 AND year = 2024`, [householdId]);
    expect(row.status).toBe('NOT_POOR');
    const audits = await subgraph.dataSource.query(`SELECT action, before->>'status' AS before, after->>'status' AS after FROM audit_log WHERE entity_type = 'Assessment' ORDER BY id DESC LIMIT 2`);
    expect(audits).toEqual(
      expect.arrayContaining([
        { action: 'recordAssessment', before: 'POOR', after: 'NOT_POOR' },
        { action: 'recordAssessment:reclassify', before: 'NEWLY_ESCAPED', after: 'NOT_POOR' },
      ]),
    );
    expect(await subgraph.dataSource.query(`SELECT count(*)::int AS n FROM assessments WHERE household_id = $1`, [householdId])).toEqual([{ n: 3 }]);
  });

  it.each([
    ['a negative income', { incomePerPersonMonthly: -1 }, 'BAD_USER_INPUT', undefined, /input\.incomePerPersonMonthly.*whole number of đồng/],
    ['a fractional income', { incomePerPersonMonthly: 1_500_000.5 }, 'BAD_USER_INPUT', undefined, /input\.incomePerPersonMonthly/],
    ['an unknown indicator', { lackingIndicators: ['EMPLOYMENT', 'HAPPINESS'] }, 'BAD_USER_INPUT', 'input.lackingIndicators.1', /Unknown indicator "HAPPINESS" for standard 2022-2025/],
    ['an indicator of another standard', { lackingIndicators: ['HEALTH_SERVICE_ACCESS'] }, 'BAD_USER_INPUT', 'input.lackingIndicators.0', /Unknown indicator/],
    ['an indicator listed twice', { lackingIndicators: ['EMPLOYMENT', 'EMPLOYMENT'] }, 'BAD_USER_INPUT', 'input.lackingIndicators.1', /listed twice/],
    ['a year before every standard', { year: 2015, assessedOn: '2015-11-01' }, 'BAD_USER_INPUT', 'input.year', /No poverty standard covers 2015; the standards on record cover 2016–2021, 2022–2026, 2027–2030/],
    ['a year after every standard', { year: 2031, assessedOn: null }, 'BAD_USER_INPUT', 'input.year', /No poverty standard covers 2031/],
    ['a review date outside the year', { assessedOn: '2024-01-05' }, 'BAD_USER_INPUT', 'input.assessedOn', /must be dated in 2023/],
    ['a review before the household existed', { year: 2019, assessedOn: '2019-11-01', lackingIndicators: [] }, 'BAD_USER_INPUT', 'input.year', /registered on 2020-05-01/],
    ['an unknown household', { householdId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND', 'input.householdId', /No household has id/],
    ['a household id that is not an id', { householdId: 'KC-0001' }, 'NOT_FOUND', 'input.householdId', /No household has id KC-0001/],
  ])('refuses %s and writes nothing', async (_label, overrides, code, field, message) => {
    const before = await tableCounts(subgraph.dataSource);
    const { data, errors } = await subgraph.client.as(clerk).request(RECORD, { input: review(overrides) });
    expect(data ?? null).toBeNull();
    expect(errors![0]!.extensions!.code).toBe(code);
    if (field) expect(errors![0]!.extensions!.field).toBe(field);
    expect(errors![0]!.message).toMatch(message);
    expect(await tableCounts(subgraph.dataSource)).toEqual(before);
  });

  it('refuses a reviewer from another district', async () => {
    const { errors } = await subgraph.client.as(testCallers.labourOffice(UNITS.otherDistrict)).request(RECORD, { input: review() });
    expect(errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
});
