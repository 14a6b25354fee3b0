import { CreditProgramme, PovertyStatus } from '../../entities/ProgrammeRule';
import { INITIAL_PROGRAMME_RULES } from '../programmes';
import { addMonths, capCheck, describeStatuses, formatVnd, overdueRateOf, qualifies, ruleInForce, rulesInForce } from '../rules';

const { POOR, NEAR_POOR, NEWLY_ESCAPED, AVERAGE_LIVING, NOT_POOR } = PovertyStatus;
const P = CreditProgramme;
const ruleOf = (programme: CreditProgramme) => ruleInForce(INITIAL_PROGRAMME_RULES, programme, '2024-06-01')!;

describe('eligibility: each programme × each status on the disbursement date', () => {
  // programme, POOR, NEAR_POOR, NEWLY_ESCAPED, AVERAGE_LIVING, NOT_POOR, no review
  const table: Array<[CreditProgramme, boolean, boolean, boolean, boolean, boolean, boolean]> = [
    [P.POOR_HOUSEHOLD, true, false, false, false, false, false],
    [P.NEAR_POOR_HOUSEHOLD, false, true, false, false, false, false],
    [P.NEWLY_ESCAPED_HOUSEHOLD, false, false, true, false, false, false],
    [P.STUDENT, true, true, true, true, false, false],
    [P.LABOUR_EXPORT, true, true, true, false, false, false],
    [P.CLEAN_WATER_SANITATION, true, true, true, true, true, true],
    [P.HOUSING, true, false, false, false, false, false],
  ];
  const statuses = [POOR, NEAR_POOR, NEWLY_ESCAPED, AVERAGE_LIVING, NOT_POOR, null] as const;
  it('covers every programme', () => {
    expect(table.map(([programme]) => programme).sort()).toEqual(Object.values(CreditProgramme).sort());
  });
  describe.each(table)('%s', (programme, ...expected) => {
    it.each(statuses.map((status, i) => [status ?? 'no review', status, expected[i]] as const))('%s → %s', (_label, status, allowed) => {
      expect(qualifies(ruleOf(programme).qualifyingStatuses, status)).toBe(allowed);
    });
  });
});

describe('the seeded rules', () => {
  it.each([
    [P.POOR_HOUSEHOLD, 6.6, 8.58, 100_000_000, 120],
    [P.NEAR_POOR_HOUSEHOLD, 7.92, 10.296, 100_000_000, 120],
    [P.NEWLY_ESCAPED_HOUSEHOLD, 8.25, 10.725, 100_000_000, 60],
    [P.STUDENT, 6.6, 8.58, 40_000_000, 120],
    [P.LABOUR_EXPORT, 6.6, 8.58, 100_000_000, 60],
    [P.CLEAN_WATER_SANITATION, 9, 11.7, 25_000_000, 60],
    [P.HOUSING, 3, 3.9, 25_000_000, 180],
  ])('%s: %s %%/yr (overdue %s %%), up to %s đ, %s months', (programme, rate, overdue, cap, term) => {
    const rule = ruleOf(programme);
    expect(rule).toMatchObject({ annualRate: rate, maxPrincipalPerHousehold: cap, maxTermMonths: term, validFrom: '2016-01-01', validTo: null });
    expect(overdueRateOf(rule.annualRate, rule.overdueRatePercentOfNormal)).toBe(overdue);
  });

  it('prices newly-escaped households at 125 % of the poor-household rate', () => {
    expect(ruleOf(P.NEWLY_ESCAPED_HOUSEHOLD).annualRate).toBe((ruleOf(P.POOR_HOUSEHOLD).annualRate * 125) / 100);
  });
});

describe('ruleInForce', () => {
  const rules = [
    { programme: 'X', validFrom: '2016-01-01', validTo: '2019-12-31', annualRate: 1 },
    { programme: 'X', validFrom: '2020-01-01', validTo: null, annualRate: 2 },
    { programme: 'Y', validFrom: '2018-01-01', validTo: null, annualRate: 3 },
  ];
  it.each([
    ['X', '2015-12-31', undefined],
    ['X', '2016-01-01', 1],
    ['X', '2019-12-31', 1],
    ['X', '2020-01-01', 2],
    ['X', '2099-01-01', 2],
    ['Y', '2017-12-31', undefined],
    ['Z', '2020-01-01', undefined],
  ])('%s on %s → rate %s', (programme, on, rate) => {
    expect(ruleInForce(rules, programme, on)?.annualRate).toBe(rate);
  });

  it('lists one rule per programme in programme order', () => {
    expect(rulesInForce(INITIAL_PROGRAMME_RULES, '2024-01-01').map((rule) => rule.programme)).toEqual(Object.values(CreditProgramme));
    expect(rulesInForce(INITIAL_PROGRAMME_RULES, '2015-12-31')).toEqual([]);
  });
});

describe('addMonths (maturity)', () => {
  it.each([
    ['2024-03-01', 12, '2025-03-01'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-08-31', 1, '2024-09-30'],
    ['2016-12-15', 1, '2017-01-15'],
    ['2016-01-10', 180, '2031-01-10'],
    ['2020-02-29', 12, '2021-02-28'],
    ['2024-11-30', 3, '2025-02-28'],
  ])('%s + %s months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe('overdueRateOf', () => {
  it.each([
    [6.6, 130, 8.58],
    [7.92, 130, 10.296],
    [3, 130, 3.9],
    [6.6, 150, 9.9],
    [0.001, 150, 0.002],
  ])('%s %% at %s %% = %s %%', (rate, percent, expected) => {
    expect(overdueRateOf(rate, percent)).toBe(expected);
  });
});

describe('capCheck', () => {
  it.each([
    [100_000_000, 0, 100_000_000, true, 100_000_000],
    [100_000_000, 0, 100_000_001, false, 100_000_000],
    [100_000_000, 60_000_000, 40_000_000, true, 40_000_000],
    [100_000_000, 60_000_000, 40_000_001, false, 40_000_000],
    [100_000_000, 120_000_000, 1, false, 0],
  ])('cap %s, owed %s, new %s → %s (headroom %s)', (cap, owed, principal, allowed, headroom) => {
    expect(capCheck(cap, owed, principal)).toEqual({ allowed, headroom });
  });
});

describe('messages', () => {
  it('names statuses and money the way a clerk reads them', () => {
    expect(describeStatuses(['POOR'])).toBe('POOR');
    expect(describeStatuses(['POOR', 'NEAR_POOR'])).toBe('POOR or NEAR_POOR');
    expect(describeStatuses(['POOR', 'NEAR_POOR', 'NEWLY_ESCAPED'])).toBe('POOR, NEAR_POOR or NEWLY_ESCAPED');
    expect(formatVnd(100_000_000)).toBe('100,000,000 đ');
  });
});
