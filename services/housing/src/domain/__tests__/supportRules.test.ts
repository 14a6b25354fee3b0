import { HousingKind, HousingSource } from '../../entities/HousingSupport';
import { PovertyStatus } from '../../entities/SupportRule';
import { grantProblem, ineligibilities, INITIAL_RULES, ruleInForce, type HouseholdFacts } from '../supportRules';

const { NEW_BUILD, REPAIR } = HousingKind;
const { NTP_PROJECT_5, PROGRAMME_167, FUND_FOR_THE_POOR, DONOR, OTHER } = HousingSource;
const { POOR, NEAR_POOR, NEWLY_ESCAPED, AVERAGE_LIVING, NOT_POOR } = PovertyStatus;

const inForce = (source: HousingSource, kind: HousingKind, day = '2024-06-01') => {
  const found = ruleInForce(INITIAL_RULES, source, kind, day);
  if (!found) throw new Error(`no ${source} ${kind} rule on ${day}`);
  return found;
};

describe('eligibility: source × status × poor district (the seeded rules, both kinds)', () => {
  /** Who qualifies, as Decision 90 and the other sources' terms say (written out here, not read from the rules). */
  const expected: Record<HousingSource, { statuses: Array<PovertyStatus | null>; poorDistrictOnly: boolean }> = {
    [NTP_PROJECT_5]: { statuses: [POOR, NEAR_POOR], poorDistrictOnly: true },
    [PROGRAMME_167]: { statuses: [POOR], poorDistrictOnly: false },
    [FUND_FOR_THE_POOR]: { statuses: [POOR, NEAR_POOR, NEWLY_ESCAPED], poorDistrictOnly: false },
    [DONOR]: { statuses: [POOR, NEAR_POOR, NEWLY_ESCAPED], poorDistrictOnly: false },
    [OTHER]: { statuses: [POOR, NEAR_POOR, NEWLY_ESCAPED], poorDistrictOnly: false },
  };
  const rows: Array<[HousingSource, HousingKind, string, boolean, string[], PovertyStatus | null]> = [];
  for (const source of Object.values(HousingSource)) {
    for (const kind of [NEW_BUILD, REPAIR]) {
      for (const status of [POOR, NEAR_POOR, NEWLY_ESCAPED, AVERAGE_LIVING, NOT_POOR, null]) {
        for (const inPoorDistrict of [true, false]) {
          const reasons = [
            ...(expected[source].statuses.includes(status) ? [] : ['POVERTY_STATUS']),
            ...(expected[source].poorDistrictOnly && !inPoorDistrict ? ['POOR_DISTRICT'] : []),
          ];
          rows.push([source, kind, status ?? 'not reviewed', inPoorDistrict, reasons, status]);
        }
      }
    }
  }

  it.each(rows)('%s %s, household %s, in a poor district: %s → reasons to refuse %j', (source, kind, _label, inPoorDistrict, reasons, status) => {
    const household: HouseholdFacts = { code: 'KC-1', communeCode: '23801', status, statusOn: '2024-06-01', inPoorDistrict };
    expect(ineligibilities(inForce(source, kind), household).map((problem) => problem.reason)).toEqual(reasons);
  });

  it('says which condition fails, in words a clerk can act on', () => {
    const problems = ineligibilities(inForce(NTP_PROJECT_5, NEW_BUILD), { code: 'KC-1', communeCode: '23801', status: NEWLY_ESCAPED, statusOn: '2024-06-01', inPoorDistrict: false });
    expect(problems.map((p) => p.message)).toEqual([
      'its status is NEWLY_ESCAPED on 2024-06-01, and NTP_PROJECT_5 NEW_BUILD support requires POOR or NEAR_POOR',
      'its commune 23801 is not in a poor district (huyện nghèo), which NTP_PROJECT_5 requires',
    ]);
    const unreviewed = ineligibilities(inForce(DONOR, REPAIR), { code: 'KC-1', communeCode: '23701', status: null, statusOn: '2024-06-01', inPoorDistrict: true });
    expect(unreviewed[0]!.message).toMatch(/status is not known \(no poverty review on or before 2024-06-01\)/);
  });
});

describe('grant caps, at and just over the limit', () => {
  it.each([
    [NTP_PROJECT_5, NEW_BUILD, 40_000_000, null],
    [NTP_PROJECT_5, NEW_BUILD, 40_000_001, /over the cap of 40,000,000 đồng for NEW_BUILD support from NTP_PROJECT_5/],
    [NTP_PROJECT_5, REPAIR, 20_000_000, null],
    [NTP_PROJECT_5, REPAIR, 20_000_001, /over the cap of 20,000,000 đồng/],
    [PROGRAMME_167, NEW_BUILD, 25_000_000, null],
    [PROGRAMME_167, NEW_BUILD, 25_000_001, /over the cap of 25,000,000 đồng/],
    [PROGRAMME_167, REPAIR, 25_000_000, null],
    [PROGRAMME_167, REPAIR, 25_000_001, /over the cap of 25,000,000 đồng/],
    [FUND_FOR_THE_POOR, NEW_BUILD, 70_000_000, null],
    [FUND_FOR_THE_POOR, NEW_BUILD, 70_000_001, /over the cap of 70,000,000 đồng/],
    [FUND_FOR_THE_POOR, REPAIR, 35_000_000, null],
    [FUND_FOR_THE_POOR, REPAIR, 35_000_001, /over the cap of 35,000,000 đồng/],
    [DONOR, NEW_BUILD, 2_000_000_000, null],
    [OTHER, REPAIR, 2_000_000_000, null],
    [DONOR, NEW_BUILD, 0, /more than 0; got 0/],
    [NTP_PROJECT_5, REPAIR, 1, null],
  ])('%s %s, %i đồng → %s', (source, kind, amount, problem) => {
    const found = grantProblem(inForce(source, kind), amount);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toMatch(problem);
  });
});

describe('the rule in force on a day', () => {
  it.each([
    [NTP_PROJECT_5, NEW_BUILD, '2021-12-31', undefined],
    [NTP_PROJECT_5, NEW_BUILD, '2022-01-01', 40_000_000],
    [NTP_PROJECT_5, REPAIR, '2026-06-30', 20_000_000],
    [PROGRAMME_167, NEW_BUILD, '2014-12-31', undefined],
    [PROGRAMME_167, REPAIR, '2015-01-01', 25_000_000],
    [FUND_FOR_THE_POOR, REPAIR, '2023-05-05', 35_000_000],
    [DONOR, NEW_BUILD, '2023-05-05', null],
  ])('%s %s on %s → cap %s', (source, kind, day, cap) => {
    const found = ruleInForce(INITIAL_RULES, source, kind, day);
    if (cap === undefined) expect(found).toBeUndefined();
    else expect(found?.maxGrant).toBe(cap);
  });

  it('takes a new decision from its first day, and the old one up to its last', () => {
    const rules = [
      { source: NTP_PROJECT_5, kind: NEW_BUILD, validFrom: '2022-01-01', validTo: '2025-12-31', maxGrant: 40_000_000 },
      { source: NTP_PROJECT_5, kind: NEW_BUILD, validFrom: '2026-01-01', validTo: null, maxGrant: 60_000_000 },
      { source: NTP_PROJECT_5, kind: REPAIR, validFrom: '2026-01-01', validTo: null, maxGrant: 30_000_000 },
    ];
    expect(ruleInForce(rules, NTP_PROJECT_5, NEW_BUILD, '2025-12-31')?.maxGrant).toBe(40_000_000);
    expect(ruleInForce(rules, NTP_PROJECT_5, NEW_BUILD, '2026-01-01')?.maxGrant).toBe(60_000_000);
    expect(ruleInForce(rules, NTP_PROJECT_5, REPAIR, '2025-12-31')).toBeUndefined();
  });

  it('seeds one open rule per source and kind', () => {
    const pairs = INITIAL_RULES.map((r) => `${r.source}/${r.kind}`);
    expect(new Set(pairs).size).toBe(Object.values(HousingSource).length * 2);
  });
});
