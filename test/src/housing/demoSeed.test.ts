import { testCallers } from '@povgraph/testing';
import { recipe as housing, HOUSING_REPORT_FIELDS } from '../../../services/housing/test/fixtures';
import { housingDemo } from '../../../services/housing/src/seed/seedDemo';
import { startDemoStack, type DemoStack } from '../demoStack';

/*
 * The housing demo loaded through the service layer over the demo registry (the
 * three districts with §5 housing figures), then read back through the gateway
 * as an analyst: the figures of DESIGN.md §5, the same through AdminUnit.housing,
 * AreaYear (report, trend) and the coverage field on households.
 */
let stack: DemoStack;
const analyst = testCallers.analyst();
const db = () => stack.subgraphs['housing']!.dataSource;
const sources = ['NTP_PROJECT_5', 'PROGRAMME_167', 'FUND_FOR_THE_POOR', 'DONOR', 'OTHER'];
type Figures = { approved: number; newBuilds: number; repairs: number; completed: number; cancelled: number; amount: number; bySource: Array<Record<string, number | string>> };
const bySource = (figures: Figures) => Object.fromEntries(figures.bySource.map(({ source, ...rest }) => [source, rest]));

beforeAll(async () => {
  stack = await startDemoStack({ housing }, ['630', '646', '884']);
  expect(await housingDemo.isEmpty(db())).toBe(true);
  await stack.seed('housing', housingDemo);
}, 180_000);
afterAll(() => stack?.stop());

describe('the housing demo dataset, through the gateway', () => {
  it('loads through the service layer, fast, with an audit row for every write', async () => {
    expect(await housingDemo.isEmpty(db())).toBe(false);
    const [counts] = await db().query(`SELECT count(*)::int AS supports,
        count(started_on)::int AS started, count(completed_on)::int AS completed, count(cancelled_on)::int AS cancelled,
        (SELECT count(*)::int FROM audit_log) AS audit,
        (SELECT count(*)::int FROM audit_log WHERE actor_role = 'ADMIN' AND actor_subject = 'demo-seed') AS "bySeed"
      FROM housing_supports`);
    expect(counts.audit).toBe(counts.supports + counts.started + counts.completed + counts.cancelled);
    expect(counts.bySeed).toBe(counts.audit);
    // Only the districts whose households the registry holds.
    const districts = await db().query(`SELECT DISTINCT left(commune_code, 3) AS prefix FROM housing_supports ORDER BY 1`);
    expect(districts.map((row: { prefix: string }) => row.prefix)).toEqual(['239', '243', '303']);
  });

  it('reads Ea Súp 2023 as §5 reports it: Dự án 5 900 households, 564 new builds and 336 repairs; the Fund 3 new houses, 202.5 million', async () => {
    const { body } = await stack.request(analyst, `{ adminUnit(code: "646") { housing(year: 2023) { ${HOUSING_REPORT_FIELDS} } } }`);
    expect(body.errors).toBeUndefined();
    const figures: Figures = body.data.adminUnit.housing;
    expect(figures).toMatchObject({ areaCode: '646', year: 2023, approved: 903, newBuilds: 567, repairs: 336, cancelled: 0, amount: 29_280_000_000 + 202_500_000 });
    expect(bySource(figures)).toMatchObject({
      NTP_PROJECT_5: { approved: 900, newBuilds: 564, repairs: 336, cancelled: 0, amount: 29_280_000_000 },
      FUND_FOR_THE_POOR: { approved: 3, newBuilds: 3, repairs: 0, cancelled: 0, amount: 202_500_000 },
      PROGRAMME_167: { approved: 0, amount: 0 },
      DONOR: { approved: 0, amount: 0 },
      OTHER: { approved: 0, amount: 0 },
    });
    expect(figures.completed).toBeGreaterThan(0);
  });

  it('reads Kông Chro 2023: 12 houses from donors besides Dự án 5, and Châu Đốc 2023: 31 supports without Dự án 5', async () => {
    const { body } = await stack.request(analyst, `{ kc: adminUnit(code: "630") { housing(year: 2023) { ${HOUSING_REPORT_FIELDS} } }
      cd: adminUnit(code: "884") { housing(year: 2023) { ${HOUSING_REPORT_FIELDS} } } }`);
    expect(body.errors).toBeUndefined();
    const kc = bySource(body.data.kc.housing);
    expect(kc['DONOR']).toMatchObject({ approved: 12, newBuilds: 8, repairs: 4 });
    expect(kc['NTP_PROJECT_5']).toMatchObject({ approved: 860, newBuilds: 520, repairs: 340, amount: 520 * 40_000_000 + 340 * 20_000_000 });
    expect(body.data.kc.housing).toMatchObject({ approved: 872, newBuilds: 528, repairs: 344, cancelled: 0 });
    const cd = bySource(body.data.cd.housing);
    expect(body.data.cd.housing).toMatchObject({ approved: 31, newBuilds: 13, repairs: 18, cancelled: 0 });
    expect(cd['NTP_PROJECT_5']).toMatchObject({ approved: 0 });
    expect(cd['PROGRAMME_167']).toMatchObject({ approved: 6 });
    expect(cd['FUND_FOR_THE_POOR']).toMatchObject({ approved: 16, newBuilds: 8 });
    expect(cd['OTHER']).toMatchObject({ approved: 9 });
  });

  it('gives 4 of the 31 Châu Đốc 2023 supports, all Fund new builds, to households newly escaped at the 2022 review', async () => {
    const { body } = await stack.request(analyst, `{ adminUnit(code: "884") {
      escaped: households(status: NEWLY_ESCAPED, year: 2022, first: 1000) { totalCount nodes { id receivedHousingSupportIn(year: 2023) housingSupports { source kind approvedOn status } } }
      poor: households(status: POOR, year: 2022, first: 1000) { nodes { receivedHousingSupportIn(year: 2023) } }
      nearPoor: households(status: NEAR_POOR, year: 2022, first: 1000) { nodes { receivedHousingSupportIn(year: 2023) } } } }`);
    expect(body.errors).toBeUndefined();
    const { escaped, poor, nearPoor } = body.data.adminUnit;
    expect(escaped.totalCount).toBeLessThanOrEqual(1000);
    const reached = escaped.nodes.filter((h: { receivedHousingSupportIn: boolean }) => h.receivedHousingSupportIn);
    expect(reached).toHaveLength(4);
    for (const h of reached) {
      expect(h.housingSupports.filter((s: { approvedOn: string }) => s.approvedOn.startsWith('2023'))).toEqual([expect.objectContaining({ source: 'FUND_FOR_THE_POOR', kind: 'NEW_BUILD' })]);
    }
    // The other 27 went to households poor or near-poor at the 2022 review (one household may have two sources).
    const count = (list: { nodes: Array<{ receivedHousingSupportIn: boolean }> }) => list.nodes.filter((h) => h.receivedHousingSupportIn).length;
    const [{ households }] = await db().query(`SELECT count(DISTINCT household_id)::int AS households FROM housing_supports
      WHERE left(commune_code, 3) = '303' AND approved_on BETWEEN '2023-01-01' AND '2023-12-31' AND status <> 'CANCELLED'`);
    expect(count(poor) + count(nearPoor) + 4).toBe(households);
    expect(households).toBeGreaterThanOrEqual(4 + 1);
    expect(households).toBeLessThanOrEqual(31);
  });

  it('answers AreaYear (report and trend) with the figures of AdminUnit.housing, a whole trend in one SQL statement', async () => {
    const { body } = await stack.request(analyst, `{ adminUnit(code: "646") {
      y2022: housing(year: 2022) { ${HOUSING_REPORT_FIELDS} } y2023: housing(year: 2023) { ${HOUSING_REPORT_FIELDS} } y2024: housing(year: 2024) { ${HOUSING_REPORT_FIELDS} }
      report(year: 2023) { code year housing { ${HOUSING_REPORT_FIELDS} } } } }`);
    expect(body.errors).toBeUndefined();
    const unit = body.data.adminUnit;
    expect(unit.report).toEqual({ code: '646', year: 2023, housing: unit.y2023 });

    stack.subgraphs['housing']!.sql.reset();
    const trend = await stack.request(analyst, `{ adminUnit(code: "646") { trend(from: 2021, to: 2024) { year poverty { poor } housing { ${HOUSING_REPORT_FIELDS} } } } }`);
    expect(trend.body.errors).toBeUndefined();
    expect(stack.subgraphs['housing']!.sql.count).toBe(1);
    const years = trend.body.data.adminUnit.trend;
    expect(years.map((y: { year: number }) => y.year)).toEqual([2021, 2022, 2023, 2024]);
    expect(years.map((y: { housing: unknown }) => y.housing)).toEqual([
      { areaCode: '646', year: 2021, approved: 0, newBuilds: 0, repairs: 0, completed: 0, cancelled: 0, amount: 0, bySource: sources.map((source) => ({ source, approved: 0, newBuilds: 0, repairs: 0, completed: 0, cancelled: 0, amount: 0 })) },
      unit.y2022,
      unit.y2023,
      unit.y2024,
    ]);
    // The years around 2023 hold the cancellations of the demo, not 2023.
    expect(unit.y2022.cancelled + unit.y2024.cancelled).toBe(8);
    expect(years[1].poverty.poor).toBeGreaterThan(0);
  });

  it('answers receivedHousingSupportIn(year) for 1,000 households in one SQL statement, true exactly for supports approved that year and not cancelled', async () => {
    const query = `query($year: Int!) { adminUnit(code: "646") { households(status: POOR, year: 2022, first: 1000) { nodes { id receivedHousingSupportIn(year: $year) } } } }`;
    stack.subgraphs['housing']!.sql.reset();
    const { body } = await stack.request(analyst, query, { year: 2023 });
    expect(body.errors).toBeUndefined();
    expect(stack.subgraphs['housing']!.sql.count).toBe(1);
    const nodes: Array<{ id: string; receivedHousingSupportIn: boolean }> = body.data.adminUnit.households.nodes;
    expect(nodes).toHaveLength(1000);
    const rows: Array<{ id: string }> = await db().query(
      `SELECT DISTINCT household_id::text AS id FROM housing_supports WHERE household_id = ANY($1) AND approved_on BETWEEN '2023-01-01' AND '2023-12-31' AND status <> 'CANCELLED'`,
      [nodes.map((n) => n.id)],
    );
    const supported = new Set(rows.map((row) => row.id));
    expect(supported.size).toBeGreaterThan(0);
    expect(supported.size).toBeLessThan(1000);
    expect(nodes.filter((n) => n.receivedHousingSupportIn).map((n) => n.id).sort()).toEqual([...supported].sort());

    // A support cancelled in 2024 does not count for its household that year.
    const [cancelled] = await db().query(`SELECT household_id::text AS id FROM housing_supports s WHERE status = 'CANCELLED' AND approved_on >= '2024-01-01'
      AND NOT EXISTS (SELECT 1 FROM housing_supports o WHERE o.household_id = s.household_id AND o.status <> 'CANCELLED' AND o.approved_on >= '2024-01-01' AND o.approved_on <= '2024-12-31') LIMIT 1`);
    const one = await stack.request(analyst, `query($id: ID!) { household(id: $id) { housingSupports { status } y2024: receivedHousingSupportIn(year: 2024) y2023: receivedHousingSupportIn(year: 2023) } }`, { id: cancelled.id });
    expect(one.body.errors).toBeUndefined();
    expect(one.body.data.household.housingSupports).toContainEqual({ status: 'CANCELLED' });
    expect(one.body.data.household.y2024).toBe(false);

    const bad = await stack.request(analyst, query, { year: 1999 });
    expect(bad.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
  });

  it('reset empties the service in one statement and keeps the rules; isEmpty turns true', async () => {
    await housingDemo.reset(db());
    expect(await housingDemo.isEmpty(db())).toBe(true);
    const [counts] = await db().query(`SELECT (SELECT count(*) FROM housing_supports)::int AS supports, (SELECT count(*) FROM audit_log)::int AS audit, (SELECT count(*) FROM support_rules)::int AS rules`);
    expect(counts).toEqual({ supports: 0, audit: 0, rules: 10 });
    const { body } = await stack.request(analyst, `{ adminUnit(code: "646") { housing(year: 2023) { approved amount } } }`);
    expect(body.data.adminUnit.housing).toEqual({ approved: 0, amount: 0 });
  });
});
