import { randomUUID } from 'node:crypto';
import { startTestSubgraph, testCallers, type TestSubgraph } from '@povgraph/testing';
import { COMMUNES, HOUSING_REPORT_FIELDS, insertSupport, insertSupportedHouseholds, recipe } from './fixtures';

let subgraph: TestSubgraph;
const analyst = testCallers.analyst();

const ENTITIES = `query Entities($representations: [_Any!]!) { _entities(representations: $representations) {
  ... on HousingSupport { id kind source status household { id } communeCode grantAmount loan { id } floorAreaM2 areaPerPersonM2 }
  ... on Household { id housingSupports { id source kind status } } } }`;

const AREAS = `query Areas($representations: [_Any!]!, $year: Int!) { _entities(representations: $representations) {
  ... on AdminUnit { code housing(year: $year) { ${HOUSING_REPORT_FIELDS} } } } }`;

/** Communes at or under each unit of households' test map, as the gateway passes them (AdminUnit.communeCodes). */
const AREA = {
  communeA: { __typename: 'AdminUnit', code: COMMUNES.a, communeCodes: [COMMUNES.a] },
  communeB: { __typename: 'AdminUnit', code: COMMUNES.b, communeCodes: [COMMUNES.b] },
  otherCommune: { __typename: 'AdminUnit', code: COMMUNES.other, communeCodes: [COMMUNES.other] },
  mergedCommune: { __typename: 'AdminUnit', code: COMMUNES.merged, communeCodes: [COMMUNES.merged, COMMUNES.a, COMMUNES.b] },
  district: { __typename: 'AdminUnit', code: '630', communeCodes: [COMMUNES.a, COMMUNES.b] },
  province: { __typename: 'AdminUnit', code: '64', communeCodes: [COMMUNES.a, COMMUNES.b, COMMUNES.merged, COMMUNES.other] },
};

beforeAll(async () => {
  subgraph = await startTestSubgraph(recipe);
});
afterAll(() => subgraph.stop());

describe('_entities', () => {
  it('resolves supports by key, and households with their supports, in order, with null for unknown supports', async () => {
    const householdId = randomUUID();
    const loanId = randomUUID();
    const first = await insertSupport(subgraph.dataSource, { householdId, source: 'PROGRAMME_167', grantAmount: 25_000_000, approvedOn: '2019-05-01', status: 'COMPLETED', startedOn: '2019-06-01', completedOn: '2019-10-01', floorAreaM2: 31.5, membersAtCompletion: 4, loanId });
    const second = await insertSupport(subgraph.dataSource, { householdId, source: 'NTP_PROJECT_5', kind: 'REPAIR', grantAmount: 20_000_000, approvedOn: '2024-03-01' });
    const { data, errors } = await subgraph.client.as(analyst).request(ENTITIES, {
      representations: [
        { __typename: 'Household', id: householdId },
        { __typename: 'HousingSupport', id: first },
        { __typename: 'HousingSupport', id: randomUUID() },
        { __typename: 'Household', id: randomUUID() },
        { __typename: 'HousingSupport', id: 'not-an-id' },
      ],
    });
    expect(errors).toBeUndefined();
    expect(data!._entities).toEqual([
      {
        id: householdId,
        housingSupports: [
          { id: first, source: 'PROGRAMME_167', kind: 'NEW_BUILD', status: 'COMPLETED' },
          { id: second, source: 'NTP_PROJECT_5', kind: 'REPAIR', status: 'APPROVED' },
        ],
      },
      {
        id: first,
        kind: 'NEW_BUILD',
        source: 'PROGRAMME_167',
        status: 'COMPLETED',
        household: { id: householdId },
        communeCode: COMMUNES.a,
        grantAmount: 25_000_000,
        loan: { id: loanId },
        floorAreaM2: 31.5,
        areaPerPersonM2: 7.88,
      },
      null,
      { id: expect.any(String), housingSupports: [] },
      null,
    ]);
  });

  it('costs the same number of SQL statements for the supports of 10 and of 1,000 households', async () => {
    const statementsFor = async (count: number) => {
      // A commune outside the report tests below.
      const ids = await insertSupportedHouseholds(subgraph.dataSource, count, '24001');
      subgraph.sql.reset();
      const { data, errors } = await subgraph.client.as(analyst).request(ENTITIES, { representations: ids.map((id) => ({ __typename: 'Household', id })) });
      expect(errors).toBeUndefined();
      expect(data!._entities).toHaveLength(count);
      expect(data!._entities.every((h: { id: string; housingSupports: Array<{ source: string }> }, i: number) => h.id === ids[i] && h.housingSupports.length === 1 && h.housingSupports[0]!.source === 'FUND_FOR_THE_POOR')).toBe(true);
      return subgraph.sql.count;
    };
    const ten = await statementsFor(10);
    const thousand = await statementsFor(1000);
    // The supports of every household in the fetch: one statement.
    expect(ten).toBe(1);
    expect(thousand).toBe(ten);
  });
});

describe('AdminUnit.housing (communeCodes passed by the gateway)', () => {
  const year = 2023;
  beforeAll(async () => {
    const approved = (communeCode: string, source: string, kind: 'NEW_BUILD' | 'REPAIR', grantAmount: number, extra: Record<string, unknown> = {}) =>
      insertSupport(subgraph.dataSource, { communeCode, source, kind, grantAmount, approvedOn: '2023-03-15', ...extra });
    // Commune A: two Dự án 5 new builds (one completed in 2023), one repair, and a cancelled one that does not count as approved.
    await approved(COMMUNES.a, 'NTP_PROJECT_5', 'NEW_BUILD', 40_000_000, { status: 'COMPLETED', startedOn: '2023-04-01', completedOn: '2023-11-30' });
    await approved(COMMUNES.a, 'NTP_PROJECT_5', 'NEW_BUILD', 38_500_000);
    await approved(COMMUNES.a, 'NTP_PROJECT_5', 'REPAIR', 20_000_000, { status: 'UNDER_CONSTRUCTION', startedOn: '2023-12-01' });
    await approved(COMMUNES.a, 'DONOR', 'NEW_BUILD', 50_000_000, { status: 'CANCELLED', cancelledOn: '2023-06-01', sponsor: 'Công ty A' });
    // Commune B: a Fund for the Poor new build approved in 2022 and completed in 2023, and a donor repair.
    await approved(COMMUNES.b, 'FUND_FOR_THE_POOR', 'NEW_BUILD', 67_500_000, { approvedOn: '2022-10-01', status: 'COMPLETED', startedOn: '2022-11-01', completedOn: '2023-02-01' });
    await approved(COMMUNES.b, 'DONOR', 'REPAIR', 15_000_000);
    // Another district: one programme 167 new build; and one approved in 2024, outside the year.
    await approved(COMMUNES.other, 'PROGRAMME_167', 'NEW_BUILD', 25_000_000);
    await approved(COMMUNES.other, 'PROGRAMME_167', 'REPAIR', 25_000_000, { approvedOn: '2024-01-02' });
  });

  const figures = (rows: Record<string, Partial<Record<'approved' | 'newBuilds' | 'repairs' | 'completed' | 'cancelled' | 'amount', number>>>) => {
    const sources = ['NTP_PROJECT_5', 'PROGRAMME_167', 'FUND_FOR_THE_POOR', 'DONOR', 'OTHER'];
    const bySource = sources.map((source) => ({ source, approved: 0, newBuilds: 0, repairs: 0, completed: 0, cancelled: 0, amount: 0, ...rows[source] }));
    const total = (key: 'approved' | 'newBuilds' | 'repairs' | 'completed' | 'cancelled' | 'amount') => bySource.reduce((sum, row) => sum + row[key], 0);
    return { approved: total('approved'), newBuilds: total('newBuilds'), repairs: total('repairs'), completed: total('completed'), cancelled: total('cancelled'), amount: total('amount'), bySource };
  };

  const COMMUNE_A = figures({
    NTP_PROJECT_5: { approved: 3, newBuilds: 2, repairs: 1, completed: 1, amount: 98_500_000 },
    DONOR: { cancelled: 1 },
  });
  const COMMUNE_B = figures({
    FUND_FOR_THE_POOR: { completed: 1 },
    DONOR: { approved: 1, repairs: 1, amount: 15_000_000 },
  });
  const OTHER_COMMUNE = figures({ PROGRAMME_167: { approved: 1, newBuilds: 1, amount: 25_000_000 } });

  it('aggregates a commune, a district and a province in one SQL statement, each support counted once per area', async () => {
    subgraph.sql.reset();
    const { data, errors } = await subgraph.client.as(analyst).request(AREAS, {
      year,
      representations: [AREA.communeA, AREA.communeB, AREA.otherCommune, AREA.district, AREA.province, AREA.mergedCommune],
    });
    expect(errors).toBeUndefined();
    const [a, b, other, district, province, merged] = data!._entities.map((unit: { housing: Record<string, unknown> }) => unit.housing);
    expect(a).toEqual({ areaCode: COMMUNES.a, year, ...COMMUNE_A });
    expect(b).toEqual({ areaCode: COMMUNES.b, year, ...COMMUNE_B });
    expect(other).toEqual({ areaCode: COMMUNES.other, year, ...OTHER_COMMUNE });
    expect(district).toMatchObject({ areaCode: '630', approved: 4, newBuilds: 2, repairs: 2, completed: 2, cancelled: 1, amount: 113_500_000 });
    // A province adds up exactly to its communes (the merged commune repeats A and B and is not counted twice).
    for (const key of ['approved', 'newBuilds', 'repairs', 'completed', 'cancelled', 'amount'] as const) {
      expect(province[key]).toBe(a[key] + b[key] + other[key]);
    }
    expect(province).toMatchObject({ areaCode: '64', approved: 5, amount: 138_500_000 });
    expect(merged).toMatchObject({ areaCode: COMMUNES.merged, approved: 4, amount: 113_500_000 });
    expect(subgraph.sql.statements).toHaveLength(1);
    expect(subgraph.sql.statements[0]).toMatch(/FROM area JOIN housing_supports/);
  });

  it('answers zeros for an area or year without support', async () => {
    const { data } = await subgraph.client.as(analyst).request(AREAS, { year: 2015, representations: [AREA.province, { __typename: 'AdminUnit', code: '66', communeCodes: [] }] });
    expect(data!._entities.map((unit: { housing: { approved: number; amount: number; bySource: unknown[] } }) => [unit.housing.approved, unit.housing.amount, unit.housing.bySource.length])).toEqual([
      [0, 0, 5],
      [0, 0, 5],
    ]);
  });

  it.each([1999, 2101])('refuses the year %i with BAD_USER_INPUT on field year', async (badYear) => {
    const { errors } = await subgraph.client.as(analyst).request(AREAS, { year: badYear, representations: [AREA.district] });
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
    expect(errors![0]!.message).toMatch(/from 2000 to 2100/);
  });
});

describe('AreaYear.housing (code, year and communeCodes passed by the gateway)', () => {
  const YEARS = `query Years($representations: [_Any!]!) { _entities(representations: $representations) {
    ... on AreaYear { code year housing { ${HOUSING_REPORT_FIELDS} } } } }`;

  it('answers the figures of AdminUnit.housing(year) for each area-year, every year of a trend in one SQL statement', async () => {
    const communes = [COMMUNES.a, COMMUNES.b];
    const years = [2021, 2022, 2023, 2024, 2025];
    const units = await subgraph.client.as(analyst).request(AREAS, { year: 2023, representations: [AREA.district] });
    subgraph.sql.reset();
    const { data, errors } = await subgraph.client.as(analyst).request(YEARS, {
      representations: years.map((year) => ({ __typename: 'AreaYear', code: '630', year, communeCodes: communes })),
    });
    expect(errors).toBeUndefined();
    expect(subgraph.sql.statements).toHaveLength(1);
    const reports = data!._entities as Array<{ code: string; year: number; housing: { approved: number; year: number } }>;
    expect(reports.map((r) => [r.code, r.year, r.housing.year])).toEqual(years.map((year) => ['630', year, year]));
    expect(reports[2]!.housing).toEqual(units.data!._entities[0].housing);
    // 2022: the Fund's new build in commune B; 2024: the Dự án 5 repair of the _entities test in commune A.
    expect(reports.map((r) => r.housing.approved)).toEqual([0, 1, 4, 1, 0]);
  });

  it('refuses a year outside 2000–2100', async () => {
    const { errors } = await subgraph.client.as(analyst).request(YEARS, { representations: [{ __typename: 'AreaYear', code: '630', year: 1999, communeCodes: [COMMUNES.a] }] });
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
  });
});

describe('Household.receivedHousingSupportIn(year)', () => {
  const RECEIVED = `query Received($representations: [_Any!]!, $year: Int!) { _entities(representations: $representations) {
    ... on Household { id receivedHousingSupportIn(year: $year) } } }`;
  const received = async (ids: string[], year: number) => {
    const { data, errors } = await subgraph.client.as(analyst).request(RECEIVED, { year, representations: ids.map((id) => ({ __typename: 'Household', id })) });
    expect(errors).toBeUndefined();
    return (data!._entities as Array<{ receivedHousingSupportIn: boolean }>).map((h) => h.receivedHousingSupportIn);
  };

  it('is true for support approved in the year and not cancelled, from any source, false otherwise', async () => {
    const [approved, completed, cancelled, twice, none] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await insertSupport(subgraph.dataSource, { householdId: approved, communeCode: '24002', approvedOn: '2023-01-01' });
    await insertSupport(subgraph.dataSource, { householdId: completed, communeCode: '24002', approvedOn: '2022-12-31', status: 'COMPLETED', startedOn: '2023-01-10', completedOn: '2023-05-01' });
    await insertSupport(subgraph.dataSource, { householdId: cancelled, communeCode: '24002', approvedOn: '2023-03-01', status: 'CANCELLED', cancelledOn: '2023-04-01' });
    await insertSupport(subgraph.dataSource, { householdId: twice, communeCode: '24002', approvedOn: '2023-12-31', source: 'DONOR' });
    await insertSupport(subgraph.dataSource, { householdId: twice, communeCode: '24002', approvedOn: '2023-06-01', source: 'OTHER' });
    const ids = [approved, completed, cancelled, twice, none, approved.toUpperCase()];
    expect(await received(ids, 2023)).toEqual([true, false, false, true, false, true]);
    // Works finished in 2023 belong to the year of approval.
    expect(await received(ids, 2022)).toEqual([false, true, false, false, false, false]);
  });

  it('costs one SQL statement for 10 and for 1,000 households', async () => {
    for (const count of [10, 1000]) {
      const ids = await insertSupportedHouseholds(subgraph.dataSource, count, '24003');
      subgraph.sql.reset();
      expect(await received([...ids, randomUUID()], 2023)).toEqual([...ids.map(() => true), false]);
      expect(subgraph.sql.statements).toHaveLength(1);
    }
  });

  it.each([1999, 2101])('refuses the year %i with BAD_USER_INPUT on field year', async (year) => {
    const { errors } = await subgraph.client.as(analyst).request(RECEIVED, { year, representations: [{ __typename: 'Household', id: randomUUID() }] });
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
  });
});

describe('queries', () => {
  it('reads a support by id, and null for an unknown one', async () => {
    const id = await insertSupport(subgraph.dataSource, { source: 'DONOR', sponsor: 'Quỹ Hỗ trợ Cộng đồng', grantAmount: 55_000_000 });
    const { data } = await subgraph.client.as(analyst).request(`query($id: ID!, $unknown: ID!) { housingSupport(id: $id) { id source sponsor grantAmount loan { id } }
      unknown: housingSupport(id: $unknown) { id } }`, { id, unknown: randomUUID() });
    expect(data).toEqual({ housingSupport: { id, source: 'DONOR', sponsor: 'Quỹ Hỗ trợ Cộng đồng', grantAmount: 55_000_000, loan: null }, unknown: null });
  });

  it('lists the rules in force on a day, as data', async () => {
    const { data } = await subgraph.client.as(analyst).request(`{
      before: housingRules(on: "2021-06-01") { source kind }
      now: housingRules(on: "2024-06-01") { source kind validFrom validTo maxGrant qualifyingStatuses requiresPoorDistrict legalBasis }
      all: housingRules { source } }`);
    expect(data!.before).toHaveLength(8);
    expect(data!.before.some((rule: { source: string }) => rule.source === 'NTP_PROJECT_5')).toBe(false);
    expect(data!.all).toHaveLength(10);
    expect(data!.now.find((rule: { source: string; kind: string }) => rule.source === 'NTP_PROJECT_5' && rule.kind === 'NEW_BUILD')).toEqual({
      source: 'NTP_PROJECT_5',
      kind: 'NEW_BUILD',
      validFrom: '2022-01-01',
      validTo: null,
      maxGrant: 40_000_000,
      qualifyingStatuses: ['POOR', 'NEAR_POOR'],
      requiresPoorDistrict: true,
      legalBasis: 'Decision 90/QĐ-TTg (2022), Dự án 5',
    });
    expect(data!.now.filter((rule: { maxGrant: number | null }) => rule.maxGrant === null).map((rule: { source: string }) => rule.source)).toEqual(['DONOR', 'DONOR', 'OTHER', 'OTHER']);
  });
});

describe('/health', () => {
  it('is ready while the database answers', async () => {
    const response = await fetch(subgraph.url.replace('/graphql', '/health'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ service: 'housing', status: 'ok' });
  });
});
