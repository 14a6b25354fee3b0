import { PovertyStatus } from '../../entities/Assessment';
import { AreaType } from '../../entities/Household';
import { classify, standardForYear } from '../classify';
import { INITIAL_STANDARDS } from '../standards';

const { POOR, NEAR_POOR, NEWLY_ESCAPED, AVERAGE_LIVING, NOT_POOR } = PovertyStatus;
const { RURAL, URBAN } = AreaType;
const byCode = (code: string) => INITIAL_STANDARDS.find((standard) => standard.code === code)!;

type Row = [string, AreaType, number, number, boolean, PovertyStatus[], PovertyStatus];

describe('classify — standard 2022–2025 (Decree 07/2021)', () => {
  const rows: Row[] = [
    // area, income, lacking, agricultural, previous, expected
    ['rural on the line, lacking 3', RURAL, 1_500_000, 3, false, [], POOR],
    ['rural on the line, lacking 2', RURAL, 1_500_000, 2, false, [], NEAR_POOR],
    ['rural 1 đồng over the line, lacking 12', RURAL, 1_500_001, 12, false, [], NOT_POOR],
    ['rural no income, lacking 0', RURAL, 0, 0, false, [], NEAR_POOR],
    ['rural agricultural 1 đồng over the line', RURAL, 1_500_001, 0, true, [], AVERAGE_LIVING],
    ['rural agricultural on the average-living ceiling', RURAL, 2_250_000, 0, true, [], AVERAGE_LIVING],
    ['rural agricultural 1 đồng over the ceiling', RURAL, 2_250_001, 0, true, [], NOT_POOR],
    ['rural non-agricultural under the ceiling', RURAL, 2_000_000, 0, false, [], NOT_POOR],
    ['urban on the line, lacking 3', URBAN, 2_000_000, 3, false, [], POOR],
    ['urban on the line, lacking 2', URBAN, 2_000_000, 2, false, [], NEAR_POOR],
    ['urban 1 đồng over the line', URBAN, 2_000_001, 5, false, [], NOT_POOR],
    ['urban agricultural on the ceiling', URBAN, 3_000_000, 0, true, [], AVERAGE_LIVING],
    ['urban income that is rural-poor but urban-near-poor', URBAN, 1_600_000, 1, false, [], NEAR_POOR],
    ['escaped: poor last year, now above the line', RURAL, 1_600_000, 4, true, [POOR], NEWLY_ESCAPED],
    ['escaped: near-poor three reviews ago', RURAL, 3_000_000, 0, false, [NOT_POOR, NOT_POOR, NEAR_POOR], NEWLY_ESCAPED],
    ['escaped earlier, not poor since', RURAL, 1_600_000, 0, false, [NEWLY_ESCAPED, NOT_POOR], NOT_POOR],
    ['previously poor and still under the line', RURAL, 1_000_000, 1, false, [POOR], NEAR_POOR],
  ];
  it.each(rows)('%s', (_label, areaType, income, lackingCount, agricultural, previousStatuses, expected) => {
    expect(classify({ incomePerPersonMonthly: income, lackingCount, areaType, agricultural, previousStatuses }, byCode('2022-2025'))).toBe(expected);
  });
});

describe('classify — standard 2016–2020 (Decision 59/2015)', () => {
  const rows: Row[] = [
    ['rural on the poor line, lacking 0', RURAL, 700_000, 0, false, [], POOR],
    ['rural 1 đồng over the poor line, lacking 3', RURAL, 700_001, 3, false, [], POOR],
    ['rural 1 đồng over the poor line, lacking 2', RURAL, 700_001, 2, false, [], NEAR_POOR],
    ['rural on the near-poor line, lacking 2', RURAL, 1_000_000, 2, false, [], NEAR_POOR],
    ['rural on the near-poor line, lacking 3', RURAL, 1_000_000, 3, false, [], POOR],
    ['rural 1 đồng over the near-poor line', RURAL, 1_000_001, 6, false, [], NOT_POOR],
    ['rural agricultural on the average-living ceiling', RURAL, 1_500_000, 0, true, [], AVERAGE_LIVING],
    ['urban on the poor line', URBAN, 900_000, 0, false, [], POOR],
    ['urban on the near-poor line, lacking 2', URBAN, 1_300_000, 2, false, [], NEAR_POOR],
    ['urban 1 đồng over the near-poor line', URBAN, 1_300_001, 0, false, [], NOT_POOR],
  ];
  it.each(rows)('%s', (_label, areaType, income, lackingCount, agricultural, previousStatuses, expected) => {
    expect(classify({ incomePerPersonMonthly: income, lackingCount, areaType, agricultural, previousStatuses }, byCode('2016-2020'))).toBe(expected);
  });
});

describe('classify — standard 2027–2030 (Decree 351/2025)', () => {
  const rows: Row[] = [
    ['rural on the line, lacking 3', RURAL, 2_200_000, 3, false, [], POOR],
    ['rural on the line, lacking 2', RURAL, 2_200_000, 2, false, [], NEAR_POOR],
    ['rural 1 đồng over the line', RURAL, 2_200_001, 3, false, [], NOT_POOR],
    ['urban on the line, lacking 2', URBAN, 2_800_000, 2, false, [], NEAR_POOR],
    ['urban 1 đồng over the line, previously near-poor', URBAN, 2_800_001, 0, false, [NEAR_POOR], NEWLY_ESCAPED],
  ];
  it.each(rows)('%s', (_label, areaType, income, lackingCount, agricultural, previousStatuses, expected) => {
    expect(classify({ incomePerPersonMonthly: income, lackingCount, areaType, agricultural, previousStatuses }, byCode('2027-2030'))).toBe(expected);
  });
});

describe('standardForYear — period boundaries', () => {
  it.each([
    [2015, undefined],
    [2016, '2016-2020'],
    [2020, '2016-2020'],
    [2021, '2016-2020'],
    [2022, '2022-2025'],
    [2025, '2022-2025'],
    [2026, '2022-2025'],
    [2027, '2027-2030'],
    [2030, '2027-2030'],
    [2031, undefined],
  ])('%i → %s', (year, code) => {
    expect(standardForYear(INITIAL_STANDARDS, year)?.code).toBe(code);
  });

  it('the same household changes class when the standard changes between 2021 and 2022', () => {
    const household = { incomePerPersonMonthly: 1_200_000, lackingCount: 1, areaType: RURAL, agricultural: false, previousStatuses: [] };
    expect(classify(household, standardForYear(INITIAL_STANDARDS, 2021)!)).toBe(NOT_POOR);
    expect(classify(household, standardForYear(INITIAL_STANDARDS, 2022)!)).toBe(NEAR_POOR);
  });
});
