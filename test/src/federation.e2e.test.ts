import { testCallers } from '@povgraph/testing';
import { recipe as credit } from '../../services/credit/test/fixtures';
import { insertUnits, recipe as households, UNITS } from '../../services/households/test/fixtures';
import { recipe as housing } from '../../services/housing/test/fixtures';
import { recipe as infrastructure } from '../../services/infrastructure/test/fixtures';
import { recipe as training } from '../../services/training/test/fixtures';
import { startTestStack, type TestStack } from './stack';

/**
 * The whole graph: five agencies, five databases, one gateway. Each office writes
 * through the gateway with its own role; an analyst reads one report that joins
 * all five; then one agency goes down and the rest still answers.
 */
let stack: TestStack;
const district = UNITS.district;
const ids: Record<string, string> = {};

async function write(caller: ReturnType<typeof testCallers.admin>, query: string, variables: Record<string, unknown>) {
  const { body } = await stack.request(caller, query, variables);
  expect(body.errors).toBeUndefined();
  return body.data;
}

beforeAll(async () => {
  stack = await startTestStack({ households, credit, housing, training, infrastructure });
  await insertUnits(stack.subgraphs['households']!.dataSource);

  const clerk = testCallers.labourOffice(district);
  for (const [code, income, lacking] of [
    ['KC-F-1', 900_000, ['EMPLOYMENT', 'NUTRITION', 'SANITATION']],
    ['KC-F-2', 1_000_000, ['HOUSING_QUALITY', 'HOUSING_AREA', 'DRINKING_WATER', 'TELECOM']],
    ['KC-F-3', 1_400_000, ['EMPLOYMENT']],
    ['KC-F-4', 2_500_000, []],
  ] as const) {
    const registered = await write(clerk, `mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { id } }`, {
      input: { code, headName: `Chủ hộ ${code}`, communeCode: UNITS.communeA, village: 'Làng Tơ Pơ', areaType: 'RURAL', members: 5, registeredOn: '2022-01-10' },
    });
    ids[code] = registered.registerHousehold.id;
    await write(clerk, `mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { status } }`, {
      input: { householdId: ids[code], year: 2023, assessedOn: '2023-11-15', incomePerPersonMonthly: income, lackingIndicators: lacking },
    });
  }

  await write(testCallers.bankOfficer(district), `mutation($input: DisburseLoanInput!) { disburseLoan(input: $input) { id } }`, {
    input: {
      householdId: ids['KC-F-1'], programme: 'POOR_HOUSEHOLD', principal: 50_000_000, termMonths: 60, disbursedOn: '2023-12-05',
      transactionOffice: 'PGD NHCSXH Kông Chro', savingsGroup: 'Tổ TK&VV làng Tơ Pơ', entrustingOrganisation: 'WOMENS_UNION', purpose: 'Nuôi bò sinh sản', idempotencyKey: 'federation-loan-1',
    },
  });
  await write(testCallers.housingBoard(district), `mutation($input: ApproveHousingSupportInput!) { approveHousingSupport(input: $input) { id } }`, {
    input: { householdId: ids['KC-F-2'], kind: 'NEW_BUILD', source: 'NTP_PROJECT_5', approvedOn: '2023-12-10', grantAmount: 40_000_000 },
  });
  const course = await write(testCallers.trainingCentre(district), `mutation($input: CreateTrainingCourseInput!) { createTrainingCourse(input: $input) { id } }`, {
    input: { name: 'Kỹ thuật chăn nuôi bò', occupation: 'Chăn nuôi', kind: 'VOCATIONAL', communeCode: UNITS.communeA, provider: 'Trung tâm GDNN-GDTX Kông Chro', startsOn: '2023-12-01', endsOn: '2023-12-20', capacity: 30, budget: 60_000_000 },
  });
  await write(testCallers.trainingCentre(district), `mutation($input: EnrolTraineeInput!) { enrolTrainee(input: $input) { id } }`, {
    input: { courseId: course.createTrainingCourse.id, householdId: ids['KC-F-3'], traineeName: 'Đinh Văn Lâm', enrolledOn: '2023-12-01' },
  });
  await write(testCallers.investmentBoard(district), `mutation($input: ApproveInfrastructureProjectInput!) { approveInfrastructureProject(input: $input) { id } }`, {
    input: {
      name: 'Đường liên xã Tơ Pơ – Đắk Kơ Ning', category: 'ROAD', kind: 'NEW_WORK', communeCodes: [UNITS.communeA, UNITS.communeB], programmeYear: 2023,
      approvedOn: '2023-03-01', investmentCapital: 5_400_000_000, recurrentCapital: 0, investor: 'Ban QLDA huyện Kông Chro',
    },
  });
}, 120_000);
afterAll(() => stack.stop());

const YEAR_END_REPORT = /* GraphQL */ `
  query YearEnd($code: AdminCode!, $year: Int!) { adminUnit(code: $code) { name
    poverty(year: $year) { totalHouseholds poor nearPoor povertyRate }
    credit(year: $year) { disbursementTurnover loansDisbursed outstanding }
    housing(year: $year) { newBuilds repairs amount }
    training(year: $year) { courses vocationalCourses trainees }
    infrastructure(year: $year) { works maintenanceWorks investmentCapital recurrentCapital } } }`;

describe('one graph over five agencies', () => {
  it.each([[district], [UNITS.province], [UNITS.communeA]])('answers the 2023 year-end report of %s in one request', async (code) => {
    const { body } = await stack.request(testCallers.analyst(), YEAR_END_REPORT, { code, year: 2023 });
    expect(body.errors).toBeUndefined();
    expect(body.data.adminUnit).toMatchObject({
      poverty: { totalHouseholds: 4, poor: 2, nearPoor: 1, povertyRate: 50 },
      credit: { disbursementTurnover: 50_000_000, loansDisbursed: 1, outstanding: 50_000_000 },
      housing: { newBuilds: 1, repairs: 0, amount: 40_000_000 },
      training: { courses: 1, vocationalCourses: 1, trainees: 1 },
      infrastructure: { works: 1, maintenanceWorks: 0, investmentCapital: 5_400_000_000, recurrentCapital: 0 },
    });
  });

  it('lists the poor households of a commune with what every programme did for each', async () => {
    const { body } = await stack.request(testCallers.analyst(), `{ adminUnit(code: "${UNITS.communeA}") {
      households(status: POOR, year: 2023, first: 500) { nodes { code nationalId
        loans { programme outstanding } housingSupports { kind status } enrolments { course { name } } } } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.adminUnit.households.nodes).toEqual([
      { code: 'KC-F-1', nationalId: null, loans: [{ programme: 'POOR_HOUSEHOLD', outstanding: 50_000_000 }], housingSupports: [], enrolments: [] },
      { code: 'KC-F-2', nationalId: null, loans: [], housingSupports: [{ kind: 'NEW_BUILD', status: 'APPROVED' }], enrolments: [] },
    ]);
  });

  it('follows a household across every programme from its registry code', async () => {
    const { body } = await stack.request(testCallers.analyst(), `{ householdByCode(code: "KC-F-3") { code status(year: 2023)
      enrolments { traineeName course { name kind } } loans { id } housingSupports { id } labourExport { id } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.householdByCode).toEqual({
      code: 'KC-F-3', status: 'NEAR_POOR',
      enrolments: [{ traineeName: 'Đinh Văn Lâm', course: { name: 'Kỹ thuật chăn nuôi bò', kind: 'VOCATIONAL' } }],
      loans: [], housingSupports: [], labourExport: [],
    });
  });

  it('still answers when one agency is down, and says which', async () => {
    await stack.stopSubgraph('credit');
    const { status, body } = await stack.request(testCallers.analyst(), YEAR_END_REPORT, { code: district, year: 2023 });
    expect(status).toBe(200);
    expect(body.data.adminUnit).toMatchObject({
      name: 'Kông Chro',
      poverty: { poor: 2 },
      credit: null,
      housing: { newBuilds: 1 },
      training: { courses: 1 },
      infrastructure: { works: 1 },
    });
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('The credit subgraph is unavailable'),
        extensions: expect.objectContaining({ code: 'UPSTREAM_UNAVAILABLE', serviceName: 'credit' }),
      }),
    ]);
    const health = (await (await fetch(stack.gateway.url.replace('/graphql', '/health'))).json()) as { subgraphs: Record<string, string> };
    expect(health.subgraphs).toEqual({ households: 'ok', credit: 'unreachable', housing: 'ok', training: 'ok', infrastructure: 'ok' });
  });
});
