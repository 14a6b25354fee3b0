import { testCallers } from '@povgraph/testing';
import { recipe as infrastructure } from '../../../services/infrastructure/test/fixtures';
import { infrastructureDemo } from '../../../services/infrastructure/src/seed/seedDemo';
import { PLANS } from '../../../services/infrastructure/src/seed/plan';
import { startDemoStack, type DemoStack } from '../demoStack';

/*
 * The Dự án 1 demo loaded through the service layer over the demo registry, then
 * read back through the gateway as an analyst: the figures of DESIGN.md §5 and of
 * plan.ts, the same through AdminUnit.infrastructure, AreaYear (report, trend) and
 * the works' lists. Works are not per household, so the registry's units suffice:
 * no district's households are loaded.
 */
let stack: DemoStack;
const analyst = testCallers.analyst();
const MILLION = 1_000_000;
const db = () => stack.subgraphs['infrastructure']!.dataSource;
const REPORT = 'areaCode year works maintenanceWorks investmentCapital recurrentCapital disbursed byCategory { category works maintenanceWorks investmentCapital recurrentCapital disbursed }';
const planned = (district: string, year: number) => PLANS.find((plan) => plan.districtCode === district)!.years[year]!;

beforeAll(async () => {
  stack = await startDemoStack({ infrastructure }, []);
  expect(await infrastructureDemo.isEmpty(db())).toBe(true);
  await stack.seed('infrastructure', infrastructureDemo);
}, 180_000);
afterAll(() => stack?.stop());

const ask = <T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> => stack.data<T>(analyst, query, variables);

describe('the Dự án 1 demo dataset, through the gateway', () => {
  it('loads through the service layer, fast, with the audit row of every write', async () => {
    expect(await infrastructureDemo.isEmpty(db())).toBe(false);
    const [counts] = await db().query(`SELECT count(*)::int AS works, count(started_on)::int AS started, count(completed_on)::int AS completed,
        count(*) FILTER (WHERE status = 'CANCELLED')::int AS cancelled,
        (SELECT count(*)::int FROM disbursements) AS disbursements,
        (SELECT count(*)::int FROM audit_log) AS audit,
        (SELECT count(*)::int FROM audit_log WHERE actor_role = 'ADMIN' AND actor_subject = 'demo-seed') AS "bySeed"
      FROM infrastructure_projects`);
    const plannedWorks = PLANS.flatMap((plan) => Object.values(plan.years)).reduce((n, y) => n + Object.values(y.newWorks).reduce((a, b) => a + b, 0) + y.maintenanceWorks, 0);
    expect(counts).toMatchObject({ works: plannedWorks, started: plannedWorks, cancelled: 0 });
    // approve + start + complete per work, and a work row and a disbursement row per payment.
    expect(counts.audit).toBe(counts.works + counts.started + counts.completed + 2 * counts.disbursements);
    expect(counts.bySeed).toBe(counts.audit);
    // Every work's disbursed total is the sum of its payments, within its capital.
    const [mismatch] = await db().query(`SELECT p.id FROM infrastructure_projects p LEFT JOIN disbursements d ON d.project_id = p.id
      GROUP BY p.id HAVING p.disbursed <> coalesce(sum(d.amount), 0) OR p.disbursed > p.investment_capital + p.recurrent_capital LIMIT 1`);
    expect(mismatch).toBeUndefined();
  });

  it('reads Ea Súp 2023 as §5 reports it: 7 new works (6 roads, 1 school) and 7 road-maintenance works, 80,668 + 7,200 million', async () => {
    const { adminUnit } = await ask(`{ adminUnit(code: "646") { infrastructure(year: 2023) { ${REPORT} } } }`);
    const report = adminUnit.infrastructure;
    expect(report).toMatchObject({ areaCode: '646', year: 2023, works: 7, maintenanceWorks: 7, investmentCapital: 80_668 * MILLION, recurrentCapital: 7_200 * MILLION });
    expect(report.byCategory.map((c: any) => [c.category, c.works, c.maintenanceWorks])).toEqual([
      ['ROAD', 6, 7],
      ['SCHOOL', 1, 0],
    ]);
    // Disbursed: what the database holds for the district's 2023 works (each counted once).
    const [{ disbursed }] = await db().query(`SELECT sum(disbursed)::bigint AS disbursed FROM infrastructure_projects p
      WHERE programme_year = 2023 AND EXISTS (SELECT 1 FROM project_communes pc WHERE pc.project_id = p.id AND pc.commune_code LIKE '243%')`);
    expect(report.disbursed).toBe(Number(disbursed));
    expect(report.disbursed).toBeGreaterThan(0.9 * (80_668 + 7_200) * MILLION);
  });

  it('reads Kông Chro 2023: investment capital 54,532 million (§5) over 9 new works, with its planned maintenance', async () => {
    const { adminUnit } = await ask(`{ adminUnit(code: "630") { infrastructure(year: 2023) { ${REPORT} } } }`);
    const plan = planned('630', 2023);
    expect(adminUnit.infrastructure).toMatchObject({ works: 9, investmentCapital: 54_532 * MILLION, maintenanceWorks: plan.maintenanceWorks, recurrentCapital: plan.recurrentCapital });
    expect(Object.fromEntries(adminUnit.infrastructure.byCategory.map((c: any) => [c.category, c.works]))).toEqual({ ROAD: 5, SCHOOL: 1, IRRIGATION: 3 });
  });

  it('gives every planned district and year its planned figures, and the two cities none', async () => {
    const years = [2021, 2022, 2023, 2024];
    const fields = () => years.map((year) => `y${year}: infrastructure(year: ${year}) { works maintenanceWorks investmentCapital recurrentCapital }`).join(' ');
    const data = await ask(`{ ${['630', '646', '665', '643', '884'].map((code) => `d${code}: adminUnit(code: "${code}") { ${fields()} }`).join(' ')} }`);
    for (const code of ['630', '646', '665', '643', '884']) {
      const plan = PLANS.find((p) => p.districtCode === code);
      for (const year of years) {
        const figures = plan?.years[year];
        expect([code, year, data[`d${code}`][`y${year}`]]).toEqual([
          code,
          year,
          {
            works: figures ? Object.values(figures.newWorks).reduce((a, b) => a + b, 0) : 0,
            maintenanceWorks: figures?.maintenanceWorks ?? 0,
            investmentCapital: figures?.investmentCapital ?? 0,
            recurrentCapital: figures?.recurrentCapital ?? 0,
          },
        ]);
      }
    }
  });

  it('answers the same figures through AreaYear: report(year) and a trend of four years, in one SQL statement', async () => {
    const direct = await ask(`{ adminUnit(code: "646") { ${[2021, 2022, 2023, 2024].map((y) => `y${y}: infrastructure(year: ${y}) { ${REPORT} }`).join(' ')} } }`);
    const sql = stack.subgraphs['infrastructure']!.sql;
    sql.reset();
    const { adminUnit } = await ask(`{ adminUnit(code: "646") { trend(from: 2021, to: 2024) { code year infrastructure { ${REPORT} } } } }`);
    // The four years of the trend reach this subgraph in one fetch: one statement for all of them.
    expect(sql.statements.filter((statement) => statement.includes('project_communes'))).toHaveLength(1);
    expect(sql.count).toBe(1);
    Object.assign(adminUnit, (await ask(`{ adminUnit(code: "646") { report(year: 2023) { code year infrastructure { ${REPORT} } } } }`)).adminUnit);
    expect(adminUnit.report).toEqual({ code: '646', year: 2023, infrastructure: direct.adminUnit.y2023 });
    expect(adminUnit.trend.map((t: any) => t.year)).toEqual([2021, 2022, 2023, 2024]);
    for (const entry of adminUnit.trend) expect(entry.infrastructure).toEqual(direct.adminUnit[`y${entry.year}`]);
    // The province adds up its districts: Đắk Lắk (66) holds Ea Súp and Buôn Ma Thuột, which has no works.
    const { adminUnit: province } = await ask(`{ adminUnit(code: "66") { report(year: 2023) { infrastructure { works maintenanceWorks investmentCapital recurrentCapital } } } }`);
    expect(province.report.infrastructure).toEqual({ works: 7, maintenanceWorks: 7, investmentCapital: 80_668 * MILLION, recurrentCapital: 7_200 * MILLION });
  });

  it('shows each work’s life: 2021–2023 works completed, 2024 works partly built and partly paid; Đắk Song only in its especially difficult communes', async () => {
    const { adminUnit } = await ask(`{ adminUnit(code: "630") { infrastructureProjects { programmeYear name status investor communes { code name }
      approvedOn startedOn completedOn totalCapital disbursed disbursements { amount disbursedOn } } } }`);
    const works = adminUnit.infrastructureProjects;
    expect(works.filter((w: any) => w.programmeYear <= 2023).every((w: any) => w.status === 'COMPLETED' && w.completedOn <= `${w.programmeYear}-12-31`)).toBe(true);
    const of2024 = works.filter((w: any) => w.programmeYear === 2024);
    expect(new Set(of2024.map((w: any) => w.status))).toEqual(new Set(['COMPLETED', 'UNDER_CONSTRUCTION']));
    expect(of2024.filter((w: any) => w.status === 'UNDER_CONSTRUCTION').every((w: any) => w.disbursed > 0 && w.disbursed < w.totalCapital)).toBe(true);
    for (const work of works) {
      expect(work.investor).toBe('Ban QLDA đầu tư xây dựng huyện Kông Chro');
      expect(work.communes.every((c: any) => c.code.startsWith('239') && work.name.includes(c.name.replace(/^(Xã|Thị trấn) /u, '')))).toBe(true);
      expect(work.disbursements.reduce((sum: number, d: any) => sum + d.amount, 0)).toBe(work.disbursed);
    }
    const { adminUnit: dakSong } = await ask(`{ adminUnit(code: "665") { infrastructureProjects { communeCodes } } }`);
    expect(new Set(dakSong.infrastructureProjects.flatMap((w: any) => w.communeCodes))).toEqual(new Set(PLANS.find((p) => p.districtCode === '665')!.communes));
  });

  it('reset empties the service in one statement, and isEmpty says so', async () => {
    await infrastructureDemo.reset(db());
    expect(await infrastructureDemo.isEmpty(db())).toBe(true);
    const [counts] = await db().query(`SELECT (SELECT count(*)::int FROM infrastructure_projects) + (SELECT count(*)::int FROM project_communes)
      + (SELECT count(*)::int FROM disbursements) + (SELECT count(*)::int FROM audit_log) AS rows`);
    expect(counts.rows).toBe(0);
  });
});
