import { testCallers } from '@povgraph/testing';
import type { TestSubgraph } from '@povgraph/testing';
import { TRAINING_PLANS, plannedJobs, type TrainingYearPlan } from '../../../services/training/src/seed/plan';
import { trainingDemo } from '../../../services/training/src/seed/seedDemo';
import { recipe } from '../../../services/training/test/fixtures';
import { startDemoStack, type DemoStack } from '../demoStack';

let stack: DemoStack;
let training: TestSubgraph;
let emptyBefore: boolean;
const analyst = testCallers.analyst();

const FIGURES = `vocationalCourses vocationalTrainees agriculturalExtensionCourses agriculturalExtensionTrainees courseBudget
  completed employedAfter jobFairs jobFairParticipants jobFairHires labourExportWorkers labourExportSupport`;
const REPORT_FIELDS = `areaCode year courses trainees employmentRate jobs ${FIGURES}`;

const planOf = (districtCode: string, year: number): TrainingYearPlan => TRAINING_PLANS.find((plan) => plan.districtCode === districtCode)!.years[year]!;

/** What the gateway must answer for a district and year of the plan. */
function expectedReport(districtCode: string, year: number) {
  const plan = planOf(districtCode, year);
  return {
    ...plan,
    areaCode: districtCode,
    year,
    courses: plan.vocationalCourses + plan.agriculturalExtensionCourses,
    trainees: plan.vocationalTrainees + plan.agriculturalExtensionTrainees,
    employmentRate: Math.round((plan.employedAfter * 10_000) / plan.completed) / 100,
    jobs: plannedJobs(plan),
  };
}

const ok = <T = any>(query: string, variables?: Record<string, unknown>): Promise<T> => stack.data<T>(analyst, query, variables);

beforeAll(async () => {
  // Kông Chro and Ea Súp (DESIGN §5), and Châu Đốc, whose 2024 trainees come from only 142 near-poor households.
  stack = await startDemoStack({ training: recipe }, ['630', '646', '884']);
  training = stack.subgraphs['training']!;
  emptyBefore = await trainingDemo.isEmpty(training.dataSource);
  await stack.seed('training', trainingDemo);
}, 180_000);
afterAll(() => stack.stop());

describe('the training demo dataset', () => {
  it('loads into an empty database through the service layer (audited per batch)', async () => {
    expect(emptyBefore).toBe(true);
    expect(await trainingDemo.isEmpty(training.dataSource)).toBe(false);
    const actions: Array<{ action: string }> = await training.dataSource.query('SELECT DISTINCT action FROM audit_log ORDER BY action');
    expect(actions.map((row) => row.action)).toEqual(['importCompletions', 'importEnrolments', 'importJobFairs', 'importLabourExportSupports', 'importTrainingCourses']);
  });

  it('reproduces Ea Súp’s 2023 year-end report through the gateway (DESIGN §5)', async () => {
    const { adminUnit } = await ok(`{ adminUnit(code: "646") { name training(year: 2023) { ${REPORT_FIELDS} } } }`);
    expect(adminUnit.training).toMatchObject({
      courses: 24,
      vocationalCourses: 9,
      agriculturalExtensionCourses: 15,
      agriculturalExtensionTrainees: 477,
      jobFairs: 10,
      jobFairParticipants: 858,
      labourExportSupport: 864_000_000,
    });
    expect(adminUnit.training).toEqual(expectedReport('646', 2023));
  });

  it('answers the same figures on the year-end report (AreaYear) as on AdminUnit.training(year), for the district and its province', async () => {
    const data = await ok(`{
      district: adminUnit(code: "646") { training(year: 2023) { ${REPORT_FIELDS} } report(year: 2023) { code year training { ${REPORT_FIELDS} } } }
      province: adminUnit(code: "66") { training(year: 2023) { jobs courses labourExportSupport } report(year: 2023) { training { jobs courses labourExportSupport } } } }`);
    expect(data.district.report).toEqual({ code: '646', year: 2023, training: data.district.training });
    // Only Ea Súp's households are loaded of Đắk Lắk: the province adds up to it.
    expect(data.province.report.training).toEqual(data.province.training);
    expect(data.province.training).toEqual({ jobs: expectedReport('646', 2023).jobs, courses: 24, labourExportSupport: 864_000_000 });
  });

  it('gives Kông Chro’s trend 2021–2024 from one SQL statement, meeting its 2024 target of jobs for 825 rural workers', async () => {
    training.sql.reset();
    const { adminUnit } = await ok(`{ adminUnit(code: "630") { trend(from: 2021, to: 2024) { year training { ${REPORT_FIELDS} } } } }`);
    expect(training.sql.statements).toHaveLength(1);
    expect(adminUnit.trend.map((point: { year: number; training: unknown }) => point.training)).toEqual([2021, 2022, 2023, 2024].map((year) => expectedReport('630', year)));
    const jobs2024 = adminUnit.trend[3].training.jobs;
    expect(jobs2024).toBe(861);
    const { adminUnit: targets } = await ok(`{ adminUnit(code: "630") { name } }`);
    expect(targets.name).toBe('Kông Chro');
    expect(jobs2024).toBeGreaterThanOrEqual(825);
  });

  it('adds jobs up in SQL: employed after training + hired at fairs + gone abroad', async () => {
    const { adminUnit } = await ok(`{ adminUnit(code: "884") { trend(from: 2021, to: 2024) { training { jobs employedAfter jobFairHires labourExportWorkers } } } }`);
    for (const { training: t } of adminUnit.trend) expect(t.jobs).toBe(t.employedAfter + t.jobFairHires + t.labourExportWorkers);
    expect(adminUnit.trend.map((point: { training: { jobs: number } }) => point.training.jobs)).toEqual([2021, 2022, 2023, 2024].map((year) => plannedJobs(planOf('884', year))));
  });

  it('tells, per household and year, whether a member enrolled in a course starting that year (one SQL for a page of households)', async () => {
    // Ea Súp's poor households of the 2022 review, and those of them the training database knows enrolled in 2023 courses.
    training.sql.reset();
    const { adminUnit } = await ok(`{ adminUnit(code: "646") { households(status: POOR, year: 2022, first: 1000) { nodes { id trainedIn(year: 2023) before: trainedIn(year: 2020) } } } }`);
    expect(training.sql.statements).toHaveLength(1);
    const nodes: Array<{ id: string; trainedIn: boolean; before: boolean }> = adminUnit.households.nodes;
    const rows: Array<{ household_id: string }> = await training.dataSource.query(
      `SELECT DISTINCT e.household_id FROM enrolments e JOIN training_courses c ON c.id = e.course_id
       WHERE c.starts_on BETWEEN '2023-01-01' AND '2023-12-31' AND e.household_id = ANY($1::uuid[])`,
      [nodes.map((node) => node.id)],
    );
    const trained = new Set(rows.map((row) => row.household_id));
    expect(trained.size).toBeGreaterThan(0);
    expect(trained.size).toBeLessThan(nodes.length);
    for (const node of nodes) {
      expect(node.trainedIn).toBe(trained.has(node.id));
      expect(node.before).toBe(false);
    }
  });

  it('refuses a year outside 2000–2100 on trainedIn', async () => {
    const { body } = await stack.request(analyst, `{ adminUnit(code: "646") { households(first: 1) { nodes { trainedIn(year: 1999) } } } }`);
    expect(body.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'year' } });
  });

  it('empties the service on reset, and loads again into the empty database', async () => {
    await trainingDemo.reset(training.dataSource);
    expect(await trainingDemo.isEmpty(training.dataSource)).toBe(true);
    const { adminUnit } = await ok(`{ adminUnit(code: "646") { training(year: 2023) { courses jobs labourExportSupport } } }`);
    expect(adminUnit.training).toEqual({ courses: 0, jobs: 0, labourExportSupport: 0 });
    const [{ audit }] = await training.dataSource.query('SELECT count(*)::int AS audit FROM audit_log');
    expect(audit).toBe(0);
    await stack.seed('training', trainingDemo);
    const again = await ok(`{ adminUnit(code: "646") { training(year: 2023) { ${REPORT_FIELDS} } } }`);
    expect(again.adminUnit.training).toEqual(expectedReport('646', 2023));
  });
});
