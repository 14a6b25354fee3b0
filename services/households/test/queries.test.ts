import { startTestSubgraph, testCallers, type TestSubgraph } from '@povgraph/testing';
import type { DataSource } from 'typeorm';
import { insertUnits, recipe, UNITS } from './fixtures';

let subgraph: TestSubgraph;
const analyst = testCallers.analyst();

/** Households with one review per year, statuses given per year in order. */
async function insertReviewed(dataSource: DataSource, communeCode: string, prefix: string, byYear: Record<number, string[]>): Promise<void> {
  const years = Object.keys(byYear).map(Number);
  const count = byYear[years[0]!]!.length;
  for (let i = 0; i < count; i++) {
    const [{ id }] = await dataSource.query(
      `INSERT INTO households (code, head_name, national_id, commune_code, village, area_type, members, registered_on)
       VALUES ($1, $2, $3, $4, $5, 'RURAL', 4, '2020-01-01') RETURNING id`,
      [`${prefix}-${String(i).padStart(3, '0')}`, `Chủ hộ ${i}`, `0640850${String(i).padStart(5, '0')}`, communeCode, i % 2 ? 'Làng A' : 'Làng B'],
    );
    for (const year of years) {
      await dataSource.query(
        `INSERT INTO assessments (household_id, year, assessed_on, commune_code, income_per_person_monthly, lacking_indicators, standard_code, status)
         VALUES ($1, $2, $3, $4, 1000000, '{}', '2022-2025', $5)`,
        [id, year, `${year}-12-01`, communeCode, byYear[year]![i]],
      );
    }
  }
}

const P = 'POOR', N = 'NEAR_POOR', E = 'NEWLY_ESCAPED', O = 'NOT_POOR';

beforeAll(async () => {
  subgraph = await startTestSubgraph(recipe);
  await insertUnits(subgraph.dataSource);
  await insertReviewed(subgraph.dataSource, UNITS.communeA, 'A', {
    2022: [P, P, P, P, P, N, N, O, O, O],
    2023: [P, P, P, N, E, N, O, O, O, O],
  });
  await insertReviewed(subgraph.dataSource, UNITS.communeB, 'B', { 2022: [P, P, O, O, O], 2023: [P, E, O, O, O] });
  await insertReviewed(subgraph.dataSource, UNITS.otherCommune, 'C', { 2023: [P, P, P, P] });
});
afterAll(() => subgraph.stop());

const POVERTY = `query Poverty($code: AdminCode!, $year: Int!) { adminUnit(code: $code) { name poverty(year: $year) {
  totalHouseholds poor nearPoor newlyEscaped povertyRate nearPovertyRate poorChangeFromPreviousYear rateChangeFromPreviousYear standard { code } } } }`;

describe('AdminUnit.poverty', () => {
  it.each([
    ['a commune', UNITS.communeA, { totalHouseholds: 10, poor: 3, nearPoor: 2, newlyEscaped: 1, povertyRate: 30, nearPovertyRate: 20, poorChangeFromPreviousYear: -2, rateChangeFromPreviousYear: -20 }],
    ['a district abolished in 2025', UNITS.district, { totalHouseholds: 15, poor: 4, nearPoor: 2, newlyEscaped: 2, povertyRate: 26.67, nearPovertyRate: 13.33, poorChangeFromPreviousYear: -3, rateChangeFromPreviousYear: -20 }],
    ['a province', UNITS.province, { totalHouseholds: 19, poor: 8, nearPoor: 2, newlyEscaped: 2, povertyRate: 42.11, nearPovertyRate: 10.53, poorChangeFromPreviousYear: 1, rateChangeFromPreviousYear: -4.56 }],
    ['a commune created in 2025, over the communes it took over', UNITS.mergedCommune, { totalHouseholds: 15, poor: 4, povertyRate: 26.67 }],
  ])('counts the 2023 review of %s in one statement', async (_label, code, expected) => {
    subgraph.sql.reset();
    const { data, errors } = await subgraph.client.as(analyst).request(POVERTY, { code, year: 2023 });
    expect(errors).toBeUndefined();
    expect(data!.adminUnit.poverty).toMatchObject({ ...expected, standard: { code: '2022-2025' } });
    const aggregates = subgraph.sql.statements.filter((statement) => statement.includes('FROM assessments') || statement.includes('JOIN assessments'));
    expect(aggregates).toHaveLength(1);
  });

  it('has no change from the previous year when there was no previous review', async () => {
    const { data } = await subgraph.client.as(analyst).request(POVERTY, { code: UNITS.otherCommune, year: 2023 });
    expect(data!.adminUnit.poverty).toMatchObject({ poor: 4, povertyRate: 100, poorChangeFromPreviousYear: null, rateChangeFromPreviousYear: null });
  });

  it('answers zeros for a year with no review', async () => {
    const { data } = await subgraph.client.as(analyst).request(POVERTY, { code: UNITS.district, year: 2025 });
    expect(data!.adminUnit.poverty).toMatchObject({ totalHouseholds: 0, poor: 0, povertyRate: 0, poorChangeFromPreviousYear: null });
  });

  it('refuses a year no standard covers', async () => {
    const { errors } = await subgraph.client.as(analyst).request(POVERTY, { code: UNITS.district, year: 2012 });
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
  });

  it('computes many units in one statement', async () => {
    subgraph.sql.reset();
    const { data } = await subgraph.client.as(analyst).request(`{ adminUnits(parentCode: "630") { code poverty(year: 2023) { poor } } }`);
    expect(data!.adminUnits).toEqual([{ code: UNITS.communeA, poverty: { poor: 3 } }, { code: UNITS.communeB, poverty: { poor: 1 } }]);
    expect(subgraph.sql.statements.filter((s) => s.includes('JOIN assessments'))).toHaveLength(1);
  });
});

describe('AdminUnit', () => {
  it('answers for an abolished district: versions, children, communes, parent', async () => {
    const { data } = await subgraph.client.as(analyst).request(`{ adminUnit(code: "630") {
      code name level validTo isCurrent parent { code name } communeCodes
      children { code name } history { name validFrom validTo } } }`);
    expect(data!.adminUnit).toEqual({
      code: '630', name: 'Kông Chro', level: 'DISTRICT', validTo: '2025-06-30', isCurrent: false,
      parent: { code: '64', name: 'Gia Lai' },
      communeCodes: [UNITS.communeA, UNITS.communeB],
      children: [{ code: UNITS.communeA, name: 'Thị trấn Kông Chro' }, { code: UNITS.communeB, name: 'Xã Đắk Kơ Ning' }],
      history: [{ name: 'Kông Chro', validFrom: '2004-01-01', validTo: '2025-06-30' }],
    });
  });

  it('keeps every version of a renamed commune and the crosswalk both ways', async () => {
    const { data } = await subgraph.client.as(analyst).request(`{
      old: adminUnit(code: "23702") { history { name validFrom validTo } successors { to { code name } effectiveOn } }
      merged: adminUnit(code: "23710") { isCurrent communeCodes predecessors { from { code } } } }`);
    expect(data!.old.history.map((v: { name: string }) => v.name)).toEqual(['Xã Đăk Kơ Ning', 'Xã Đắk Kơ Ning']);
    expect(data!.old.successors).toEqual([{ to: { code: '23710', name: 'Xã Kông Chro' }, effectiveOn: '2025-07-01' }]);
    expect(data!.merged).toEqual({ isCurrent: true, communeCodes: ['23701', '23702', '23710'], predecessors: [{ from: { code: '23701' } }, { from: { code: '23702' } }] });
  });

  it('lists units by level, parent and date', async () => {
    const { data } = await subgraph.client.as(analyst).request(`{
      districts: adminUnits(level: DISTRICT, parentCode: "64") { code }
      today: adminUnits(level: COMMUNE, on: "2026-01-01") { code }
      before: adminUnits(level: COMMUNE, on: "2024-01-01") { code }
      province: adminUnit(code: "64") { children(on: "2026-01-01") { code } } }`);
    expect(data).toEqual({
      districts: [{ code: '630' }, { code: '631' }],
      today: [{ code: '23710' }],
      before: [{ code: '23701' }, { code: '23702' }, { code: '23801' }],
      province: { children: [{ code: '23710' }] },
    });
  });

  it('tells which units are, or lie in, a poor district — also a 2025 commune over old ones', async () => {
    const { data } = await subgraph.client.as(analyst).request(`{ adminUnits(level: COMMUNE) { code inPoorDistrict } d: adminUnit(code: "630") { poorDistrict inPoorDistrict } p: adminUnit(code: "64") { inPoorDistrict } }`);
    expect(data!.adminUnits).toEqual([
      { code: UNITS.communeA, inPoorDistrict: true },
      { code: UNITS.communeB, inPoorDistrict: true },
      { code: UNITS.mergedCommune, inPoorDistrict: true },
      { code: UNITS.otherCommune, inPoorDistrict: false },
    ]);
    expect(data!.d).toEqual({ poorDistrict: true, inPoorDistrict: true });
    expect(data!.p).toEqual({ inPoorDistrict: false });
  });

  it('answers NOT_FOUND for an unknown code and refuses a malformed one', async () => {
    const unknown = await subgraph.client.as(analyst).request(`{ adminUnit(code: "99") { name } }`);
    expect(unknown.data).toEqual({ adminUnit: null });
    expect(unknown.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'code' });
    expect(unknown.errors![0]!.message).toMatch(/No administrative unit has code 99/);
    const malformed = await subgraph.client.as(analyst).request(`{ adminUnit(code: "6") { name } }`);
    expect(malformed.errors![0]!.message).toMatch(/2 digits \(province\), 3 \(district\) or 5 \(commune\)/);
  });
});

describe('AdminUnit.households', () => {
  const PAGE = `query Page($code: AdminCode!, $status: PovertyStatus, $year: Int, $village: String, $first: Int, $after: String) {
    adminUnit(code: $code) { households(status: $status, year: $year, village: $village, first: $first, after: $after) {
      totalCount nodes { code status(year: $year) } pageInfo { hasNextPage endCursor } } } }`;

  it('pages through a district in registry-code order', async () => {
    const codes: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const result: any = await subgraph.client.as(analyst).request(PAGE, { code: UNITS.district, first: 4, after });
      const page = result.data.adminUnit.households;
      expect(page.totalCount).toBe(15);
      codes.push(...page.nodes.map((n: { code: string }) => n.code));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(4);
    expect(codes).toHaveLength(15);
    expect([...codes].sort()).toEqual(codes);
    expect(new Set(codes).size).toBe(15);
  });

  it('filters by status in a year, by latest status, and by village', async () => {
    const poor2023 = await subgraph.client.as(analyst).request(PAGE, { code: UNITS.district, status: 'POOR', year: 2023 });
    expect(poor2023.data!.adminUnit.households.nodes.map((n: { code: string }) => n.code)).toEqual(['A-000', 'A-001', 'A-002', 'B-000']);
    const poor2022 = await subgraph.client.as(analyst).request(PAGE, { code: UNITS.district, status: 'POOR', year: 2022 });
    expect(poor2022.data!.adminUnit.households.totalCount).toBe(7);
    const latestEscaped = await subgraph.client.as(analyst).request(PAGE, { code: UNITS.province, status: 'NEWLY_ESCAPED' });
    expect(latestEscaped.data!.adminUnit.households.nodes.map((n: { code: string }) => n.code)).toEqual(['A-004', 'B-001']);
    const village = await subgraph.client.as(analyst).request(PAGE, { code: UNITS.communeA, village: 'Làng A', year: 2023, status: 'POOR' });
    expect(village.data!.adminUnit.households.nodes.map((n: { code: string }) => n.code)).toEqual(['A-001']);
  });

  it.each([
    [{ first: 1001 }, 'first', /from 1 to 1000/],
    [{ first: 0 }, 'first', /from 1 to 1000/],
    [{ after: 'not-a-cursor!' }, 'after', /cursor/],
    [{ year: 1999 }, 'year', /No poverty standard covers 1999/],
  ])('refuses %p', async (variables, field, message) => {
    const { errors } = await subgraph.client.as(analyst).request(PAGE, { code: UNITS.district, ...variables });
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(errors![0]!.message).toMatch(message);
  });
});

describe('Household', () => {
  const HOUSEHOLD = `query One($code: String!) { householdByCode(code: $code) { id code nationalId commune { name } assessments { year status } status } }`;

  it('shows national ID numbers to the labour office and masks them for analysts', async () => {
    const clerk = await subgraph.client.as(testCallers.labourOffice(UNITS.district)).request(HOUSEHOLD, { code: 'A-004' });
    expect(clerk.data!.householdByCode).toMatchObject({ nationalId: '064085000004', commune: { name: 'Thị trấn Kông Chro' }, status: 'NEWLY_ESCAPED' });
    expect(clerk.data!.householdByCode.assessments).toEqual([{ year: 2022, status: 'POOR' }, { year: 2023, status: 'NEWLY_ESCAPED' }]);
    const masked = await subgraph.client.as(analyst).request(HOUSEHOLD, { code: 'A-004' });
    expect(masked.data!.householdByCode.nationalId).toBe('*********004');
  });

  it('tells the status in force on a date: that of the latest review carried out by then', async () => {
    const { data } = await subgraph.client.as(analyst).request(`{ householdByCode(code: "A-004") {
      before: statusOn(date: "2022-11-30") inForce2022: statusOn(date: "2022-12-01") inForce2023: statusOn(date: "2024-06-30") } }`);
    expect(data!.householdByCode).toEqual({ before: null, inForce2022: 'POOR', inForce2023: 'NEWLY_ESCAPED' });
  });

  it('finds a household by id, and answers null for an unknown or malformed id', async () => {
    const { data: byCode } = await subgraph.client.as(analyst).request(HOUSEHOLD, { code: 'B-000' });
    const { data } = await subgraph.client.as(analyst).request(`query($id: ID!) { household(id: $id) { code } unknown: household(id: "00000000-0000-4000-8000-000000000000") { code } bad: household(id: "B-000") { code } }`, { id: byCode!.householdByCode.id });
    expect(data).toEqual({ household: { code: 'B-000' }, unknown: null, bad: null });
  });

  it('refuses to read without a caller', async () => {
    const { errors } = await subgraph.client.request(HOUSEHOLD, { code: 'A-000' });
    expect(errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });
});

describe('Query.households(ids)', () => {
  it('answers households in the order asked, null for unknown ids, and refuses more than 1,000 ids', async () => {
    const page = await subgraph.client.as(analyst).request<any>(`{ adminUnit(code: "${UNITS.district}") { households(first: 2) { nodes { id code } } } }`);
    const [a, b] = page.data!.adminUnit.households.nodes;
    const { data } = await subgraph.client.as(analyst).request<any>(`query($ids: [ID!]!) { households(ids: $ids) { id code } }`, { ids: [b.id, 'not-a-uuid', a.id, '00000000-0000-4000-8000-000000000000'] });
    expect(data!.households).toEqual([b, null, a, null]);
    const tooMany = await subgraph.client.as(analyst).request(`query($ids: [ID!]!) { households(ids: $ids) { id } }`, { ids: Array.from({ length: 1001 }, () => a.id) });
    expect(tooMany.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
  });
});

describe('AdminUnit.report and trend', () => {
  it('answers the poverty review per year for a range, and refuses ranges no standard covers or too long', async () => {
    const { data } = await subgraph.client.as(analyst).request<any>(`{ adminUnit(code: "${UNITS.district}") { report(year: 2023) { code year poverty { year totalHouseholds } } trend(from: 2022, to: 2024) { year communeCodes poverty { year } } } }`);
    expect(data!.adminUnit.report).toMatchObject({ code: UNITS.district, year: 2023, poverty: { year: 2023 } });
    expect(data!.adminUnit.trend.map((y: any) => [y.year, y.poverty.year])).toEqual([[2022, 2022], [2023, 2023], [2024, 2024]]);
    expect(data!.adminUnit.trend[0].communeCodes).toContain(UNITS.communeA);
    for (const [args, field] of [['from: 2024, to: 2022', 'from'], ['from: 2005, to: 2022', 'from'], ['from: 2016, to: 2050', 'to']] as const) {
      const refused = await subgraph.client.as(analyst).request(`{ adminUnit(code: "${UNITS.district}") { trend(${args}) { year } } }`);
      expect(refused.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
});

describe('AdminUnit.targetResults', () => {
  beforeAll(async () => {
    for (const [unit, indicator, value] of [
      [UNITS.communeA, 'POVERTY_RATE_POINTS', 15],
      [UNITS.district, 'POOR_HOUSEHOLDS', 5],
      [UNITS.district, 'JOBS', 100],
      [UNITS.district, 'TRAINED_LABOUR_SHARE', 40],
      [UNITS.otherCommune, 'POVERTY_RATE_POINTS', 1],
    ] as const) {
      await subgraph.dataSource.query(`INSERT INTO reduction_targets (unit_code, year, indicator, value) VALUES ($1, 2023, $2, $3)`, [unit, indicator, value]);
    }
  });

  it('measures each target of the unit and the units under it, and says why one is not measured', async () => {
    const { data, errors } = await subgraph.client.as(analyst).request<any>(`{ adminUnit(code: "${UNITS.district}") {
      targetResults(year: 2023) { target { unitCode indicator value } measured status basis } } }`);
    expect(errors).toBeUndefined();
    const results = data!.adminUnit.targetResults;
    expect(results.map((r: any) => [r.target.unitCode, r.target.indicator, r.measured, r.status])).toEqual([
      // Commune A: 5 of 10 poor in 2022, 3 of 10 in 2023: 20 points cut against 15.
      [UNITS.communeA, 'POVERTY_RATE_POINTS', 20, 'MET'],
      // The district: 7 poor in 2022, 4 in 2023: 3 fewer against 5.
      [UNITS.district, 'JOBS', null, 'NOT_MEASURED'],
      [UNITS.district, 'POOR_HOUSEHOLDS', 3, 'NOT_MET'],
      [UNITS.district, 'TRAINED_LABOUR_SHARE', null, 'NOT_MEASURED'],
    ]);
    // This suite runs no gateway: training's jobs cannot be asked, and the result says so.
    expect(results[1].basis).toMatch(/not measured: training could not answer/);
    expect(results[3].basis).toMatch(/labour-force count/);
    const none = await subgraph.client.as(analyst).request<any>(`{ adminUnit(code: "${UNITS.district}") { targetResults(year: 2021) { status } } }`);
    expect(none.data!.adminUnit.targetResults).toEqual([]);
  });
});

describe('AdminUnit.coverage', () => {
  it('is null with UPSTREAM_UNAVAILABLE when the agencies cannot be asked, while the unit still answers', async () => {
    const { data, errors } = await subgraph.client.as(analyst).request<any>(`{ adminUnit(code: "${UNITS.district}") { name coverage(year: 2023) { poor { households } } } }`);
    expect(data!.adminUnit).toEqual({ name: expect.any(String), coverage: null });
    expect(errors![0]!.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
  });

  it('refuses a year whose previous review no standard covers', async () => {
    const { errors } = await subgraph.client.as(analyst).request(`{ adminUnit(code: "${UNITS.district}") { coverage(year: 2016) { year } } }`);
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
  });
});

describe('Query.adminUnits(codes)', () => {
  it('answers the known codes, leaves unknown ones out, and refuses more than 1,000', async () => {
    const { data, errors } = await subgraph.client.as(analyst).request<any>(`query($codes: [AdminCode!]) { adminUnits(codes: $codes) { code level } }`, { codes: [UNITS.communeA, '99999', UNITS.district] });
    expect(errors).toBeUndefined();
    expect(data!.adminUnits).toEqual([{ code: UNITS.communeA, level: 'COMMUNE' }, { code: UNITS.district, level: 'DISTRICT' }]);
    const tooMany = await subgraph.client.as(analyst).request(`query($codes: [AdminCode!]) { adminUnits(codes: $codes) { code } }`, { codes: Array.from({ length: 1001 }, () => '23701') });
    expect(tooMany.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'codes' });
  });
});
