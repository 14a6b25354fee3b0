import { randomUUID } from 'node:crypto';
import { startTestSubgraph, testCallers, type TestSubgraph } from '@povgraph/testing';
import { insertBorrowers, insertLoans, recipe, UNITS } from './fixtures';

let subgraph: TestSubgraph;
const analyst = testCallers.analyst();
const [H1, H2, H3, H4, H5, H6, H7] = Array.from({ length: 7 }, () => randomUUID());
let loanIds: string[];

/**
 * A small book of loans (see each line) in Kông Chro's two old communes, the
 * neighbouring district's commune and the 2025 merged commune.
 */
beforeAll(async () => {
  subgraph = await startTestSubgraph(recipe);
  loanIds = await insertLoans(subgraph.dataSource, [
    // 23701: disbursed 2023, part repaid in 2023 and 2024.
    { householdId: H1, programme: 'POOR_HOUSEHOLD', principal: 50_000_000, disbursedOn: '2023-03-01', termMonths: 36, communeCode: UNITS.communeA,
      repayments: [{ paidOn: '2023-09-01', amount: 10_000_000 }, { paidOn: '2024-02-01', amount: 5_000_000 }] },
    // 23701: disbursed 2021, matured 2023-05-01, 12M still owed at the end of 2023 → overdue.
    { householdId: H1, programme: 'NEAR_POOR_HOUSEHOLD', principal: 20_000_000, disbursedOn: '2021-05-01', termMonths: 24, communeCode: UNITS.communeA,
      repayments: [{ paidOn: '2022-05-01', amount: 5_000_000 }, { paidOn: '2023-06-01', amount: 3_000_000 }] },
    // 23701: disbursed on the last day of 2023.
    { householdId: H2, programme: 'STUDENT', principal: 10_000_000, disbursedOn: '2023-12-31', termMonths: 60, communeCode: UNITS.communeA },
    // 23701: disbursed in 2024 — not in 2023's figures.
    { householdId: H3, programme: 'POOR_HOUSEHOLD', principal: 30_000_000, disbursedOn: '2024-01-05', termMonths: 36, communeCode: UNITS.communeA },
    // 23702: housing loan, 1M repaid on 2023-12-31.
    { householdId: H4, programme: 'HOUSING', principal: 25_000_000, disbursedOn: '2023-07-01', termMonths: 180, communeCode: UNITS.communeB,
      repayments: [{ paidOn: '2023-12-31', amount: 1_000_000 }] },
    // 23702: an old loan repaid in full in 2020.
    { householdId: H5, programme: 'POOR_HOUSEHOLD', principal: 40_000_000, disbursedOn: '2019-01-01', termMonths: 12, communeCode: UNITS.communeB,
      repayments: [{ paidOn: '2020-06-01', amount: 40_000_000 }] },
    // 23801 (district 631): matures 2024-02-01, so not overdue at the end of 2023.
    { householdId: H6, programme: 'POOR_HOUSEHOLD', principal: 15_000_000, disbursedOn: '2023-02-01', termMonths: 12, communeCode: UNITS.otherCommune },
    // 23710 (created 2025).
    { householdId: H7, programme: 'POOR_HOUSEHOLD', principal: 10_000_000, disbursedOn: '2025-08-01', termMonths: 12, communeCode: UNITS.mergedCommune },
  ]);
});
afterAll(() => subgraph.stop());

const REPORT_FIELDS = `areaCode year disbursementTurnover loansDisbursed householdsBorrowing repaymentsCollected outstanding overdue overdueRatio
  byProgramme { programme disbursementTurnover loansDisbursed repaymentsCollected outstanding overdue }`;
const UNIT_ENTITIES = `query Units($representations: [_Any!]!, $year: Int!) { _entities(representations: $representations) {
  ... on AdminUnit { code credit(year: $year) { ${REPORT_FIELDS} } } } }`;

const unit = (code: string, communeCodes: string[]) => ({ __typename: 'AdminUnit', code, communeCodes });
const KONG_CHRO = [UNITS.communeA, UNITS.communeB];
const GIA_LAI = [UNITS.communeA, UNITS.communeB, UNITS.mergedCommune, UNITS.otherCommune];

async function reports(representations: object[], year: number) {
  const { data, errors } = await subgraph.client.as(analyst).request(UNIT_ENTITIES, { representations, year });
  expect(errors).toBeUndefined();
  return data!._entities.map((entity: { credit: Record<string, any> }) => entity.credit);
}

describe('_entities: AdminUnit with communeCodes (@requires)', () => {
  it('reports a commune, a district and a province for 2023', async () => {
    const [communeA, communeB, district, province] = await reports(
      [unit(UNITS.communeA, [UNITS.communeA]), unit(UNITS.communeB, [UNITS.communeB]), unit(UNITS.district, KONG_CHRO), unit(UNITS.province, GIA_LAI)],
      2023,
    );
    expect(communeA).toEqual({
      areaCode: UNITS.communeA, year: 2023,
      disbursementTurnover: 60_000_000, loansDisbursed: 2, householdsBorrowing: 2, repaymentsCollected: 13_000_000,
      outstanding: 62_000_000, overdue: 12_000_000, overdueRatio: 19.35,
      byProgramme: [
        { programme: 'POOR_HOUSEHOLD', disbursementTurnover: 50_000_000, loansDisbursed: 1, repaymentsCollected: 10_000_000, outstanding: 40_000_000, overdue: 0 },
        { programme: 'NEAR_POOR_HOUSEHOLD', disbursementTurnover: 0, loansDisbursed: 0, repaymentsCollected: 3_000_000, outstanding: 12_000_000, overdue: 12_000_000 },
        { programme: 'STUDENT', disbursementTurnover: 10_000_000, loansDisbursed: 1, repaymentsCollected: 0, outstanding: 10_000_000, overdue: 0 },
      ],
    });
    expect(communeB).toMatchObject({ disbursementTurnover: 25_000_000, loansDisbursed: 1, householdsBorrowing: 1, repaymentsCollected: 1_000_000, outstanding: 24_000_000, overdue: 0, overdueRatio: 0 });
    expect(communeB.byProgramme).toEqual([
      { programme: 'POOR_HOUSEHOLD', disbursementTurnover: 0, loansDisbursed: 0, repaymentsCollected: 0, outstanding: 0, overdue: 0 },
      { programme: 'HOUSING', disbursementTurnover: 25_000_000, loansDisbursed: 1, repaymentsCollected: 1_000_000, outstanding: 24_000_000, overdue: 0 },
    ]);
    expect(district).toMatchObject({ areaCode: '630', disbursementTurnover: 85_000_000, loansDisbursed: 3, householdsBorrowing: 3, repaymentsCollected: 14_000_000, outstanding: 86_000_000, overdue: 12_000_000, overdueRatio: 13.95 });
    expect(province).toMatchObject({ areaCode: '64', disbursementTurnover: 100_000_000, loansDisbursed: 4, householdsBorrowing: 4, repaymentsCollected: 14_000_000, outstanding: 101_000_000, overdue: 12_000_000, overdueRatio: 11.88 });
  });

  it('adds a province up exactly from its communes, in every year', async () => {
    for (const year of [2019, 2020, 2023, 2024, 2025]) {
      const [province, ...communes] = await reports([unit(UNITS.province, GIA_LAI), ...GIA_LAI.map((code) => unit(code, [code]))], year);
      for (const field of ['disbursementTurnover', 'loansDisbursed', 'householdsBorrowing', 'repaymentsCollected', 'outstanding', 'overdue']) {
        expect([year, field, province[field]]).toEqual([year, field, communes.reduce((sum: number, report: Record<string, number>) => sum + report[field]!, 0)]);
      }
    }
  });

  it('counts a commune listed twice once, and answers zeros for an area without loans', async () => {
    const [twice, once, empty] = await reports([unit('630', [UNITS.communeA, UNITS.communeA]), unit(UNITS.communeA, [UNITS.communeA]), unit('99', [])], 2023);
    expect({ ...twice, areaCode: UNITS.communeA }).toEqual(once);
    expect(empty).toEqual({ areaCode: '99', year: 2023, disbursementTurnover: 0, loansDisbursed: 0, householdsBorrowing: 0, repaymentsCollected: 0, outstanding: 0, overdue: 0, overdueRatio: 0, byProgramme: [] });
  });

  it('moves with the year: 2024 in commune A', async () => {
    const [communeA] = await reports([unit(UNITS.communeA, [UNITS.communeA])], 2024);
    expect(communeA).toMatchObject({ disbursementTurnover: 30_000_000, loansDisbursed: 1, repaymentsCollected: 5_000_000, outstanding: 87_000_000, overdue: 12_000_000 });
  });

  it('costs one SQL statement for many areas and years at once', async () => {
    subgraph.sql.reset();
    const { data, errors } = await subgraph.client.as(analyst).request(
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on AdminUnit {
        a: credit(year: 2023) { outstanding } b: credit(year: 2024) { outstanding byProgramme { programme } } } } }`,
      { representations: [unit(UNITS.province, GIA_LAI), unit(UNITS.district, KONG_CHRO), ...GIA_LAI.map((code) => unit(code, [code]))] },
    );
    expect(errors).toBeUndefined();
    expect(data!._entities).toHaveLength(6);
    expect(subgraph.sql.count).toBe(1);
  });

  it('refuses a year outside 2000–2100', async () => {
    for (const year of [1999, 2101]) {
      const { errors } = await subgraph.client.as(analyst).request(UNIT_ENTITIES, { representations: [unit('630', KONG_CHRO)], year });
      expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
      expect(errors![0]!.message).toMatch(new RegExp(`from 2000 to 2100; got ${year}`));
    }
  });
});

describe('_entities: AreaYear with communeCodes (@requires)', () => {
  const areaYear = (code: string, year: number, communeCodes: string[]) => ({ __typename: 'AreaYear', code, year, communeCodes });

  it('answers the same figures as AdminUnit.credit(year), for each year of a trend, in one SQL statement', async () => {
    const [byUnit2023] = await reports([unit(UNITS.district, KONG_CHRO)], 2023);
    const [byUnit2024] = await reports([unit(UNITS.district, KONG_CHRO)], 2024);
    subgraph.sql.reset();
    const { data, errors } = await subgraph.client.as(analyst).request(
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on AreaYear { code year credit { ${REPORT_FIELDS} } } } }`,
      { representations: [2021, 2022, 2023, 2024].map((year) => areaYear(UNITS.district, year, KONG_CHRO)) },
    );
    expect(errors).toBeUndefined();
    expect(subgraph.sql.count).toBe(1);
    const years = data!._entities as Array<{ year: number; credit: Record<string, unknown> }>;
    expect(years.map((y) => y.year)).toEqual([2021, 2022, 2023, 2024]);
    expect(years[2]!.credit).toEqual(byUnit2023);
    expect(years[3]!.credit).toEqual(byUnit2024);
    expect(years[0]!.credit).toMatchObject({ year: 2021, disbursementTurnover: 20_000_000, loansDisbursed: 1, outstanding: 20_000_000 });
  });

  it('refuses a year outside 2000–2100', async () => {
    const { errors } = await subgraph.client.as(analyst).request(
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on AreaYear { credit { outstanding } } } }`,
      { representations: [areaYear(UNITS.district, 1999, KONG_CHRO)] },
    );
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
  });
});

describe('_entities: Household.receivedLoanIn(year)', () => {
  const RECEIVED = `query($representations: [_Any!]!, $year: Int!) { _entities(representations: $representations) { ... on Household { id receivedLoanIn(year: $year) } } }`;

  it('is true only in a calendar year a loan was disbursed to the household', async () => {
    const households = [H1, H2, H3, H4, H5, randomUUID(), 'not-an-id'].map((id) => ({ __typename: 'Household', id }));
    const answers = async (year: number) => {
      const { data, errors } = await subgraph.client.as(analyst).request(RECEIVED, { representations: households, year });
      expect(errors).toBeUndefined();
      return data!._entities.map((h: { receivedLoanIn: boolean }) => h.receivedLoanIn);
    };
    // H1: 2021-05-01 and 2023-03-01; H2: 2023-12-31; H3: 2024-01-05; H4: 2023-07-01; H5: 2019-01-01.
    expect(await answers(2023)).toEqual([true, true, false, true, false, false, false]);
    expect(await answers(2024)).toEqual([false, false, true, false, false, false, false]);
    expect(await answers(2021)).toEqual([true, false, false, false, false, false, false]);
    expect(await answers(2022)).toEqual([false, false, false, false, false, false, false]);
  });

  it('costs one SQL statement for 1,000 households and two years', async () => {
    const ids = await insertBorrowers(subgraph.dataSource, 1000, UNITS.communeB);
    subgraph.sql.reset();
    const { data, errors } = await subgraph.client.as(analyst).request(
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Household { a: receivedLoanIn(year: 2023) b: receivedLoanIn(year: 2024) } } }`,
      { representations: ids.map((id) => ({ __typename: 'Household', id })) },
    );
    expect(errors).toBeUndefined();
    expect(data!._entities.every((h: { a: boolean; b: boolean }) => h.a && !h.b)).toBe(true);
    expect(subgraph.sql.count).toBe(1);
  });

  it('refuses a year outside 2000–2100', async () => {
    const { errors } = await subgraph.client.as(analyst).request(RECEIVED, { representations: [{ __typename: 'Household', id: H1 }], year: 2101 });
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
  });
});

describe('_entities: Loan and Household', () => {
  it('resolves loans by key, in order, with null for unknown keys', async () => {
    const { data, errors } = await subgraph.client.as(analyst).request(
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Loan { id programme principal communeCode household { id } } } }`,
      { representations: [{ __typename: 'Loan', id: loanIds[4] }, { __typename: 'Loan', id: '00000000-0000-4000-8000-000000000000' }, { __typename: 'Loan', id: loanIds[0] }] },
    );
    expect(errors).toBeUndefined();
    expect(data!._entities).toEqual([
      { id: loanIds[4], programme: 'HOUSING', principal: 25_000_000, communeCode: UNITS.communeB, household: { id: H4 } },
      null,
      { id: loanIds[0], programme: 'POOR_HOUSEHOLD', principal: 50_000_000, communeCode: UNITS.communeA, household: { id: H1 } },
    ]);
  });

  it('gives a household its loans and its position on a day; none for a household without loans', async () => {
    const { data, errors } = await subgraph.client.as(analyst).request(
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Household { id
        loans { programme disbursedOn outstanding(asOf: "2023-12-31") overdue(asOf: "2023-12-31") status(asOf: "2023-12-31") }
        credit(asOf: "2023-12-31") { outstanding hasActiveLoan } } } }`,
      { representations: [{ __typename: 'Household', id: H1 }, { __typename: 'Household', id: H5 }, { __typename: 'Household', id: randomUUID() }] },
    );
    expect(errors).toBeUndefined();
    expect(data!._entities[0]).toEqual({
      id: H1,
      loans: [
        { programme: 'NEAR_POOR_HOUSEHOLD', disbursedOn: '2021-05-01', outstanding: 12_000_000, overdue: 12_000_000, status: 'OVERDUE' },
        { programme: 'POOR_HOUSEHOLD', disbursedOn: '2023-03-01', outstanding: 40_000_000, overdue: 0, status: 'ACTIVE' },
      ],
      credit: { outstanding: 52_000_000, hasActiveLoan: true },
    });
    expect(data!._entities[1]).toEqual({ id: H5, loans: [{ programme: 'POOR_HOUSEHOLD', disbursedOn: '2019-01-01', outstanding: 0, overdue: 0, status: 'REPAID' }], credit: { outstanding: 0, hasActiveLoan: false } });
    expect(data!._entities[2]).toMatchObject({ loans: [], credit: { outstanding: 0, hasActiveLoan: false } });
  });

  it('costs the same number of SQL statements for 10 and for 1,000 households', async () => {
    const statementsFor = async (count: number) => {
      const ids = await insertBorrowers(subgraph.dataSource, count, UNITS.communeB);
      subgraph.sql.reset();
      const { data, errors } = await subgraph.client.as(analyst).request(
        `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Household {
          loans { programme outstanding(asOf: "2023-12-31") status(asOf: "2023-12-31") repayments { amount } } credit(asOf: "2023-12-31") { outstanding } } } }`,
        { representations: ids.map((id) => ({ __typename: 'Household', id })) },
      );
      expect(errors).toBeUndefined();
      expect(data!._entities).toHaveLength(count);
      expect(data!._entities.every((h: { loans: Array<{ outstanding: number; repayments: unknown[] }>; credit: { outstanding: number } }) =>
        h.loans.length === 1 && h.loans[0]!.outstanding === 15_000_000 && h.loans[0]!.repayments.length === 1 && h.credit.outstanding === 15_000_000)).toBe(true);
      return subgraph.sql.count;
    };
    const ten = await statementsFor(10);
    const thousand = await statementsFor(1000);
    // The households' loans, and those loans' repayments: one statement each.
    expect(ten).toBe(2);
    expect(thousand).toBe(ten);
  });
});

describe('/health', () => {
  it('is ready while the database answers', async () => {
    const response = await fetch(subgraph.url.replace('/graphql', '/health'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ service: 'credit', status: 'ok' });
  });
});
