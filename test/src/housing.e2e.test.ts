import { randomUUID } from 'node:crypto';
import type { Caller } from '@povgraph/auth';
import { testCallers } from '@povgraph/testing';
import { householdInput, insertUnits, recipe as households, RECORD, REGISTER, UNITS } from '../../services/households/test/fixtures';
import { APPROVE, CANCEL, COMPLETE, HOUSING_REPORT_FIELDS, recipe as housing, START, tableCounts } from '../../services/housing/test/fixtures';
import { startTestStack, type TestStack } from './stack';

/*
 * Housing support through the gateway, over the real household registry: the
 * approval reads the household's commune, status on the day and poor district
 * through the graph, and the area check reads the map. The credit subgraph is not
 * started here, so linking a VBSP loan can only end in UPSTREAM_UNAVAILABLE; the
 * loan checks themselves are unit-tested (src/domain/__tests__/loanLink.test.ts).
 */
let stack: TestStack;
const analyst = testCallers.analyst();
const board630 = testCallers.housingBoard(UNITS.district);
const board631 = testCallers.housingBoard(UNITS.otherDistrict);
const provinceBoard = testCallers.housingBoard(UNITS.province);

type Status = 'POOR' | 'NEAR_POOR' | 'NEWLY_ESCAPED' | 'AVERAGE_LIVING' | 'NOT_POOR' | null;

/** Reviews that make the registry compute each status (rural, agricultural, 2022–2025 standard). */
const REVIEWS: Record<string, Array<[number, number, string[]]>> = {
  POOR: [[2023, 1_000_000, ['EMPLOYMENT', 'NUTRITION', 'SANITATION']]],
  NEAR_POOR: [[2023, 1_000_000, ['EMPLOYMENT']]],
  NEWLY_ESCAPED: [[2022, 1_000_000, ['EMPLOYMENT', 'NUTRITION', 'SANITATION']], [2023, 5_000_000, []]],
  AVERAGE_LIVING: [[2023, 2_000_000, []]],
  NOT_POOR: [[2023, 5_000_000, []]],
  none: [],
};

let sequence = 0;

/** Registers a household in `communeCode` as the district's labour office and reviews it into `status`. */
async function householdWith(status: Status, communeCode: string = UNITS.communeA, members = 5): Promise<{ id: string; code: string }> {
  const office = testCallers.labourOffice(communeCode === UNITS.otherCommune ? UNITS.otherDistrict : UNITS.district);
  const code = `HS-${String(++sequence).padStart(3, '0')}`;
  const registered = await stack.request(office, REGISTER, { input: householdInput({ code, communeCode, members, nationalId: null, registeredOn: '2022-02-01' }) });
  expect(registered.body.errors).toBeUndefined();
  const id: string = registered.body.data.registerHousehold.id;
  for (const [year, income, lackingIndicators] of REVIEWS[status ?? 'none']!) {
    const reviewed = await stack.request(office, RECORD, { input: { householdId: id, year, assessedOn: `${year}-11-15`, incomePerPersonMonthly: income, lackingIndicators } });
    expect(reviewed.body.errors).toBeUndefined();
  }
  if (status) {
    const check = await stack.request(analyst, `query($id: ID!) { household(id: $id) { statusOn(date: "2024-03-01") } }`, { id });
    expect(check.body.data.household.statusOn).toBe(status);
  }
  return { id, code };
}

const approve = (caller: Caller, input: Record<string, unknown>) =>
  stack.request(caller, APPROVE, { input: { kind: 'NEW_BUILD', source: 'NTP_PROJECT_5', approvedOn: '2024-03-01', grantAmount: 40_000_000, ...input } });

const housingDb = () => stack.subgraphs['housing']!.dataSource;

beforeAll(async () => {
  stack = await startTestStack({ households, housing });
  await insertUnits(stack.subgraphs['households']!.dataSource);
});
afterAll(() => stack.stop());

describe('housing support through the gateway', () => {
  it('a housing board approves, builds and completes; the household and the reports show it', async () => {
    const poor = await householdWith('POOR', UNITS.communeA, 5);
    const nearPoor = await householdWith('NEAR_POOR', UNITS.communeB);
    const escaped = await householdWith('NEWLY_ESCAPED', UNITS.otherCommune);

    // Exactly at the Dự án 5 cap.
    const approved = await approve(board630, { householdId: poor.id, approvedOn: '2025-03-01', grantAmount: 40_000_000 });
    expect(approved.body.errors).toBeUndefined();
    const support = approved.body.data.approveHousingSupport;
    expect(support).toMatchObject({ household: { id: poor.id }, communeCode: UNITS.communeA, kind: 'NEW_BUILD', source: 'NTP_PROJECT_5', status: 'APPROVED', grantAmount: 40_000_000, loan: null });
    const [audit] = await housingDb().query(`SELECT action, actor_role, actor_subject, before, after FROM audit_log WHERE entity_id = $1`, [support.id]);
    expect(audit).toMatchObject({ action: 'approveHousingSupport', actor_role: 'HOUSING_BOARD', actor_subject: board630.subject, before: null });
    expect(audit.after).toMatchObject({ householdId: poor.id, communeCode: UNITS.communeA, grantAmount: 40_000_000, status: 'APPROVED' });

    const started = await stack.request(board630, START, { id: support.id, startedOn: '2025-04-01' });
    expect(started.body.errors).toBeUndefined();
    // The floor area per person divides by the members the registry lists (5).
    const completed = await stack.request(board630, COMPLETE, { id: support.id, completedOn: '2025-08-01', floorAreaM2: 36 });
    expect(completed.body.errors).toBeUndefined();
    expect(completed.body.data.completeConstruction).toMatchObject({ status: 'COMPLETED', startedOn: '2025-04-01', completedOn: '2025-08-01', floorAreaM2: 36, membersAtCompletion: 5, areaPerPersonM2: 7.2 });

    // The same household may get support from another source.
    const fund = await approve(board630, { householdId: poor.id, source: 'FUND_FOR_THE_POOR', kind: 'REPAIR', approvedOn: '2025-09-01', grantAmount: 35_000_000 });
    expect(fund.body.errors).toBeUndefined();
    const donor = await approve(board630, { householdId: nearPoor.id, source: 'DONOR', sponsor: 'Công ty Cổ phần Hoa Sen', kind: 'REPAIR', approvedOn: '2025-05-10', grantAmount: 12_500_000 });
    expect(donor.body.errors).toBeUndefined();
    const fundOther = await approve(board631, { householdId: escaped.id, source: 'FUND_FOR_THE_POOR', approvedOn: '2025-06-01', grantAmount: 67_500_000 });
    expect(fundOther.body.errors).toBeUndefined();

    const read = await stack.request(analyst, `query($id: ID!) { household(id: $id) { code status(year: 2023)
      housingSupports { kind source status grantAmount completedOn areaPerPersonM2 } } }`, { id: poor.id });
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data.household).toEqual({
      code: poor.code,
      status: 'POOR',
      housingSupports: [
        { kind: 'NEW_BUILD', source: 'NTP_PROJECT_5', status: 'COMPLETED', grantAmount: 40_000_000, completedOn: '2025-08-01', areaPerPersonM2: 7.2 },
        { kind: 'REPAIR', source: 'FUND_FOR_THE_POOR', status: 'APPROVED', grantAmount: 35_000_000, completedOn: null, areaPerPersonM2: null },
      ],
    });

    const report = await stack.request(analyst, `{
      communeA: adminUnit(code: "${UNITS.communeA}") { name housing(year: 2025) { ${HOUSING_REPORT_FIELDS} } }
      communeB: adminUnit(code: "${UNITS.communeB}") { housing(year: 2025) { ${HOUSING_REPORT_FIELDS} } }
      other: adminUnit(code: "${UNITS.otherCommune}") { housing(year: 2025) { ${HOUSING_REPORT_FIELDS} } }
      district: adminUnit(code: "${UNITS.district}") { name poverty(year: 2023) { poor } housing(year: 2025) { ${HOUSING_REPORT_FIELDS} } }
      province: adminUnit(code: "${UNITS.province}") { name housing(year: 2025) { ${HOUSING_REPORT_FIELDS} } } }`);
    expect(report.body.errors).toBeUndefined();
    const { communeA, communeB, other, district, province } = report.body.data;
    expect(communeA.housing).toMatchObject({ areaCode: UNITS.communeA, year: 2025, approved: 2, newBuilds: 1, repairs: 1, completed: 1, cancelled: 0, amount: 75_000_000 });
    expect(communeA.housing.bySource.filter((row: { approved: number }) => row.approved > 0)).toEqual([
      { source: 'NTP_PROJECT_5', approved: 1, newBuilds: 1, repairs: 0, completed: 1, cancelled: 0, amount: 40_000_000 },
      { source: 'FUND_FOR_THE_POOR', approved: 1, newBuilds: 0, repairs: 1, completed: 0, cancelled: 0, amount: 35_000_000 },
    ]);
    expect(communeB.housing).toMatchObject({ approved: 1, repairs: 1, amount: 12_500_000 });
    expect(other.housing).toMatchObject({ approved: 1, newBuilds: 1, amount: 67_500_000 });
    expect(district).toMatchObject({ name: 'Kông Chro', poverty: { poor: 1 } });
    expect(district.housing).toMatchObject({ areaCode: UNITS.district, approved: 3, newBuilds: 1, repairs: 2, completed: 1, amount: 87_500_000 });
    expect(province.name).toBe('Gia Lai');
    // The province adds up exactly to its communes, source by source.
    const communes = [communeA.housing, communeB.housing, other.housing];
    for (const key of ['approved', 'newBuilds', 'repairs', 'completed', 'cancelled', 'amount']) {
      expect(province.housing[key]).toBe(communes.reduce((sum, figures) => sum + figures[key], 0));
      province.housing.bySource.forEach((row: Record<string, number>, i: number) => {
        expect(row[key]).toBe(communes.reduce((sum, figures) => sum + figures.bySource[i][key], 0));
      });
    }
    expect(province.housing).toMatchObject({ approved: 4, amount: 155_000_000 });
  });

  describe('eligibility, source × status × poor district, against the registry', () => {
    /** Who qualifies, as the rules say (Kông Chro 630 is a poor district, Ia Pa 631 is not). */
    const QUALIFIES: Record<string, { statuses: Status[]; poorDistrictOnly: boolean }> = {
      NTP_PROJECT_5: { statuses: ['POOR', 'NEAR_POOR'], poorDistrictOnly: true },
      PROGRAMME_167: { statuses: ['POOR'], poorDistrictOnly: false },
      FUND_FOR_THE_POOR: { statuses: ['POOR', 'NEAR_POOR', 'NEWLY_ESCAPED'], poorDistrictOnly: false },
      DONOR: { statuses: ['POOR', 'NEAR_POOR', 'NEWLY_ESCAPED'], poorDistrictOnly: false },
      OTHER: { statuses: ['POOR', 'NEAR_POOR', 'NEWLY_ESCAPED'], poorDistrictOnly: false },
    };
    const STATUSES: Status[] = ['POOR', 'NEAR_POOR', 'NEWLY_ESCAPED', 'AVERAGE_LIVING', 'NOT_POOR', null];
    const cases: Array<[string, string, boolean, string[], Status]> = [];
    for (const source of Object.keys(QUALIFIES)) {
      for (const status of STATUSES) {
        for (const inPoorDistrict of [true, false]) {
          const reasons = [
            ...(QUALIFIES[source]!.statuses.includes(status) ? [] : ['POVERTY_STATUS']),
            ...(QUALIFIES[source]!.poorDistrictOnly && !inPoorDistrict ? ['POOR_DISTRICT'] : []),
          ];
          cases.push([source, status ?? 'not reviewed', inPoorDistrict, reasons, status]);
        }
      }
    }
    const households = new Map<string, { id: string; code: string }>();
    beforeAll(async () => {
      for (const status of STATUSES) {
        for (const inPoorDistrict of [true, false]) {
          households.set(`${status}|${inPoorDistrict}`, await householdWith(status, inPoorDistrict ? UNITS.communeB : UNITS.otherCommune));
        }
      }
    });

    it.each(cases)('%s, household %s, in a poor district: %s → reasons to refuse %j', async (source, _label, inPoorDistrict, reasons, status) => {
      const household = households.get(`${status}|${inPoorDistrict}`)!;
      const before = await tableCounts(housingDb());
      const { body } = await approve(provinceBoard, { householdId: household.id, source, kind: 'REPAIR', grantAmount: 20_000_000, approvedOn: '2024-03-01' });
      if (reasons.length === 0) {
        expect(body.errors).toBeUndefined();
        expect(body.data.approveHousingSupport).toMatchObject({ source, status: 'APPROVED', communeCode: inPoorDistrict ? UNITS.communeB : UNITS.otherCommune });
        return;
      }
      expect(body.errors![0]).toMatchObject({ extensions: { code: 'NOT_ELIGIBLE', field: 'input.householdId', reasons } });
      expect(body.errors![0].message).toMatch(new RegExp(`^Household ${household.code} does not qualify for ${source} REPAIR support on 2024-03-01: `));
      if (reasons.includes('POOR_DISTRICT')) expect(body.errors![0].message).toMatch(`its commune ${UNITS.otherCommune} is not in a poor district`);
      if (reasons.includes('POVERTY_STATUS')) expect(body.errors![0].message).toMatch(status ? `its status is ${status} on 2024-03-01` : 'its status is not known');
      expect(await tableCounts(housingDb())).toEqual(before);
    });
  });

  it('supports a household once per source; a cancelled support does not block a new one', async () => {
    const household = await householdWith('NEAR_POOR');
    const first = await approve(board630, { householdId: household.id, kind: 'REPAIR', grantAmount: 15_000_000, approvedOn: '2024-04-01' });
    expect(first.body.errors).toBeUndefined();
    const firstId = first.body.data.approveHousingSupport.id;

    const before = await tableCounts(housingDb());
    const again = await approve(board630, { householdId: household.id, kind: 'NEW_BUILD', grantAmount: 40_000_000, approvedOn: '2024-05-01' });
    expect(again.body.errors![0]).toMatchObject({ extensions: { code: 'CONFLICT', field: 'input.source' } });
    expect(again.body.errors![0].message).toBe(
      `Household ${household.code} already has housing support from NTP_PROJECT_5 (support ${firstId}, REPAIR approved on 2024-04-01, now APPROVED); a source supports a household once. Cancel that support first if this one replaces it.`,
    );
    expect(await tableCounts(housingDb())).toEqual(before);

    const cancelled = await stack.request(board630, CANCEL, { id: firstId, cancelledOn: '2024-05-01', reason: 'Repair not enough: the house must be rebuilt' });
    expect(cancelled.body.errors).toBeUndefined();
    const replaced = await approve(board630, { householdId: household.id, kind: 'NEW_BUILD', grantAmount: 40_000_000, approvedOn: '2024-05-02' });
    expect(replaced.body.errors).toBeUndefined();
    expect(replaced.body.data.approveHousingSupport).toMatchObject({ kind: 'NEW_BUILD', status: 'APPROVED' });

    const read = await stack.request(analyst, `query($id: ID!) { household(id: $id) { housingSupports { kind status cancellationReason } } }`, { id: household.id });
    expect(read.body.data.household.housingSupports).toEqual([
      { kind: 'REPAIR', status: 'CANCELLED', cancellationReason: 'Repair not enough: the house must be rebuilt' },
      { kind: 'NEW_BUILD', status: 'APPROVED', cancellationReason: null },
    ]);
  });

  it('refuses what the registry contradicts, writing nothing', async () => {
    const household = await householdWith('POOR');
    const unreviewed = await householdWith(null);
    const refusals: Array<[Caller, Record<string, unknown>, Record<string, unknown>, RegExp]> = [
      [board630, { householdId: randomUUID() }, { code: 'NOT_FOUND', field: 'input.householdId' }, /The household registry has no household with id/],
      [board630, { householdId: household.id, approvedOn: '2022-01-31' }, { code: 'BAD_USER_INPUT', field: 'input.approvedOn' }, /was registered on 2022-02-01; support cannot be approved before that \(got 2022-01-31\)/],
      [board630, { householdId: unreviewed.id, source: 'DONOR' }, { code: 'NOT_ELIGIBLE', reasons: ['POVERTY_STATUS'] }, /its status is not known \(no poverty review on or before 2024-03-01\)/],
      [board631, { householdId: household.id }, { code: 'FORBIDDEN' }, new RegExp(`^You serve area 631; approving housing support in commune ${UNITS.communeA} belongs to another area's office\\.$`)],
      [testCallers.labourOffice(UNITS.district), { householdId: household.id }, { code: 'FORBIDDEN' }, /Only HOUSING_BOARD staff may approve housing support/],
      [board630, { householdId: household.id, grantAmount: 40_000_001 }, { code: 'BAD_USER_INPUT', field: 'input.grantAmount' }, /over the cap of 40,000,000 đồng/],
    ];
    for (const [caller, input, extensions, message] of refusals) {
      const before = await tableCounts(housingDb());
      const { body } = await approve(caller, input);
      expect(body.errors![0].extensions).toMatchObject(extensions);
      expect(body.errors![0].message).toMatch(message);
      expect(await tableCounts(housingDb())).toEqual(before);
    }
  });

  it("refuses another area's board the works of a support, and names the status on an illegal move", async () => {
    const household = await householdWith('POOR');
    const approved = await approve(board630, { householdId: household.id, kind: 'REPAIR', grantAmount: 18_000_000, approvedOn: '2024-06-01' });
    const id = approved.body.data.approveHousingSupport.id;
    const before = await tableCounts(housingDb());
    const outside = await stack.request(board631, START, { id, startedOn: '2024-06-10' });
    expect(outside.body.errors![0].extensions.code).toBe('FORBIDDEN');
    expect(outside.body.errors![0].message).toMatch(/You serve area 631; recording housing works in commune 23701/);
    const early = await stack.request(board630, COMPLETE, { id, completedOn: '2024-06-10' });
    expect(early.body.errors![0]).toMatchObject({ extensions: { code: 'CONFLICT', status: 'APPROVED', allowed: ['UNDER_CONSTRUCTION', 'CANCELLED'] } });
    expect(await tableCounts(housingDb())).toEqual(before);
  });

  it('links a VBSP loan only when the credit service answers: without it, UPSTREAM_UNAVAILABLE and nothing written', async () => {
    const household = await householdWith('POOR');
    const before = await tableCounts(housingDb());
    const { body } = await approve(board630, { householdId: household.id, source: 'PROGRAMME_167', grantAmount: 25_000_000, loanId: randomUUID() });
    expect(body.data).toBeNull();
    expect(body.errors![0].extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: true });
    expect(body.errors![0].message).toMatch(/^The VBSP credit service could not answer \(.*\); nothing was written\. Try again in a moment\.$/);
    expect(await tableCounts(housingDb())).toEqual(before);
    // Without the loan, the same approval goes through.
    const without = await approve(board630, { householdId: household.id, source: 'PROGRAMME_167', grantAmount: 25_000_000 });
    expect(without.body.errors).toBeUndefined();
  });

  it('answers the rules in force and refuses a report year outside 2000–2100', async () => {
    const { body } = await stack.request(analyst, `{ housingRules(on: "2024-01-01") { source kind maxGrant } adminUnit(code: "630") { housing(year: 1999) { approved } } }`);
    expect(body.data.housingRules).toContainEqual({ source: 'NTP_PROJECT_5', kind: 'REPAIR', maxGrant: 20_000_000 });
    expect(body.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'year' } });
  });
});
