import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { testCallers } from '@povgraph/testing';
import { recipe as credit } from '../../../services/credit/test/fixtures';
import { recipe as housing } from '../../../services/housing/test/fixtures';
import { recipe as training } from '../../../services/training/test/fixtures';
import { recipe as infrastructure } from '../../../services/infrastructure/test/fixtures';
import { creditDemo } from '../../../services/credit/src/seed/seedDemo';
import { housingDemo } from '../../../services/housing/src/seed/seedDemo';
import { trainingDemo } from '../../../services/training/src/seed/seedDemo';
import { infrastructureDemo } from '../../../services/infrastructure/src/seed/seedDemo';
import { startDemoStack, type DemoStack } from '../demoStack';

/**
 * The acceptance test of the demo dataset: the whole graph, every agency's demo
 * data loaded through its own service layer (as `pnpm start` does), and every
 * figure of DESIGN.md §5 read back through the gateway as an analyst would.
 */
let stack: DemoStack;
const analyst = testCallers.analyst();
const MILLION = 1_000_000;

beforeAll(async () => {
  stack = await startDemoStack({ credit, housing, training, infrastructure });
  await Promise.all([stack.seed('credit', creditDemo), stack.seed('housing', housingDemo), stack.seed('training', trainingDemo), stack.seed('infrastructure', infrastructureDemo)]);
}, 600_000);
afterAll(() => stack?.stop());

const ask = <T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> => stack.data<T>(analyst, query, variables);

const QUERIES = path.join(__dirname, '..', '..', '..', 'docs', 'queries');
const YEAR_END = readFileSync(path.join(QUERIES, 'year-end-report.graphql'), 'utf8');
const report = async (code: string, year: number) => (await ask(YEAR_END, { code, year })).adminUnit;

describe('DESIGN.md §5, through the gateway', () => {
  it('Kông Chro (630), 2023', async () => {
    const unit = await report('630', 2023);
    expect(unit.name).toBe('Kông Chro');
    expect(unit.poverty).toMatchObject({ totalHouseholds: 12_836, poor: 4_336, povertyRate: 33.78, rateChangeFromPreviousYear: -5.91 });
    expect(unit.credit).toMatchObject({ disbursementTurnover: 99_186 * MILLION, loansDisbursed: 2_486, outstanding: 190_434 * MILLION });
    expect(unit.infrastructure.investmentCapital).toBe(54_532 * MILLION);
    const { adminUnit } = await ask(`{ adminUnit(code: "630") { housing(year: 2023) { bySource { source newBuilds repairs } } reductionTargets(year: 2024) { indicator value } } }`);
    const donor = adminUnit.housing.bySource.find((s: any) => s.source === 'DONOR');
    expect(donor.newBuilds + donor.repairs).toBe(12);
    expect(adminUnit.reductionTargets).toEqual([
      { indicator: 'JOBS', value: 825 },
      { indicator: 'POVERTY_RATE_POINTS', value: 5.5 },
      { indicator: 'TRAINED_LABOUR_SHARE', value: 49 },
    ]);
  });

  it('Châu Đốc (884), 7 communes: the 2022 and 2023 reviews, houses, the 2024 target', async () => {
    const { adminUnit } = await ask(`{ adminUnit(code: "884") { name children(on: "2023-12-31") { code }
      p2022: poverty(year: 2022) { poor nearPoor } p2023: poverty(year: 2023) { poor nearPoor nearPovertyRate }
      housing(year: 2023) { newBuilds repairs bySource { source newBuilds repairs } }
      reductionTargets(year: 2024) { indicator value } } }`);
    expect(adminUnit.children).toHaveLength(7);
    expect(adminUnit.p2022).toEqual({ poor: 34, nearPoor: 334 });
    expect(adminUnit.p2023).toEqual({ poor: 0, nearPoor: 142, nearPovertyRate: 0.49 });
    // 27 houses for poor / near-poor households and 4 new ones for newly-escaped households.
    expect(adminUnit.housing.newBuilds + adminUnit.housing.repairs).toBe(27 + 4);
    const fund = adminUnit.housing.bySource.find((s: any) => s.source === 'FUND_FOR_THE_POOR');
    expect(fund.newBuilds).toBeGreaterThanOrEqual(4);
    expect(adminUnit.reductionTargets).toEqual([{ indicator: 'NEAR_POOR_HOUSEHOLDS', value: 142 }]);
  });

  it('Ea Súp (646), 2023', async () => {
    const unit = await report('646', 2023);
    expect(unit.credit.disbursementTurnover).toBe(215_404 * MILLION);
    expect(unit.training).toMatchObject({ vocationalCourses: 9, agriculturalExtensionCourses: 15, agriculturalExtensionTrainees: 477, jobFairs: 10, jobFairParticipants: 858, labourExportSupport: 864 * MILLION });
    expect(unit.infrastructure).toMatchObject({ investmentCapital: 80_668 * MILLION, recurrentCapital: 7_200 * MILLION, maintenanceWorks: 7 });
    const { adminUnit } = await ask(`{ adminUnit(code: "646") {
      infrastructure(year: 2023) { byCategory { category works maintenanceWorks } }
      housing(year: 2023) { bySource { source approved newBuilds repairs amount } } } }`);
    const newWorks = Object.fromEntries(adminUnit.infrastructure.byCategory.filter((c: any) => c.works > 0).map((c: any) => [c.category, c.works]));
    expect(newWorks).toEqual({ ROAD: 6, SCHOOL: 1 });
    const roadMaintenance = adminUnit.infrastructure.byCategory.find((c: any) => c.category === 'ROAD').maintenanceWorks;
    expect(roadMaintenance).toBe(7);
    const bySource = Object.fromEntries(adminUnit.housing.bySource.map((s: any) => [s.source, s]));
    expect(bySource['NTP_PROJECT_5']).toMatchObject({ approved: 900, newBuilds: 564, repairs: 336 });
    expect(bySource['FUND_FOR_THE_POOR']).toMatchObject({ newBuilds: 3, amount: 202_500_000 });
  });

  it('Đắk Song (665), 2024: a reduction target for each commune, measured', async () => {
    const { adminUnit } = await ask(`{ adminUnit(code: "665") { children(on: "2024-12-31") { code }
      targetResults(year: 2024) { target { unitCode indicator value } measured status } } }`);
    const communes = adminUnit.children.map((c: any) => c.code).sort();
    expect(communes).toHaveLength(9);
    const targeted = adminUnit.targetResults.filter((r: any) => r.target.indicator === 'POVERTY_RATE_POINTS').map((r: any) => r.target.unitCode).sort();
    expect(targeted).toEqual(communes);
    for (const result of adminUnit.targetResults) expect(['MET', 'NOT_MET']).toContain(result.status);
  });

  it('Buôn Ma Thuột (643), 2018: poor + near-poor rate −0.4 points under the 2016–2020 standard', async () => {
    const { adminUnit, povertyStandard } = await ask(`{ povertyStandard(year: 2018) { code }
      adminUnit(code: "643") { targetResults(year: 2018) { target { indicator value } measured status basis } } }`);
    expect(povertyStandard.code).toBe('2016-2020');
    expect(adminUnit.targetResults).toEqual([{ target: { indicator: 'POOR_AND_NEAR_POOR_RATE_POINTS', value: 0.4 }, measured: expect.any(Number), status: 'MET', basis: expect.stringMatching(/poor \+ near-poor rate/) }]);
  });
});

describe('the analysts’ questions', () => {
  it('coverage: counts add up, and the unreached households really got nothing in the year', async () => {
    const COVERAGE = readFileSync(path.join(QUERIES, 'coverage.graphql'), 'utf8');
    const { adminUnit } = await ask(COVERAGE, { code: '23944', year: 2023, first: 1000 });
    const { poor, nearPoor, unreached, reviewYear } = adminUnit.coverage;
    expect(reviewYear).toBe(2022);
    for (const counts of [poor, nearPoor]) {
      expect(counts.withAny + counts.withNone).toBe(counts.households);
      expect(counts.withAny).toBeGreaterThanOrEqual(Math.max(counts.withLoan, counts.withHousingSupport, counts.withTraining));
    }
    expect(poor.households).toBeGreaterThan(0);
    expect(poor.withLoan).toBeGreaterThan(0);
    expect(unreached.totalCount).toBe(poor.withNone + nearPoor.withNone);
    expect(unreached.nodes).toHaveLength(Math.min(1000, unreached.totalCount));
    // The registry's list for 2022 in the commune agrees with the counts.
    const listed = await ask(`{ adminUnit(code: "23944") { p: households(status: POOR, year: 2022, first: 1) { totalCount } } }`);
    expect(listed.adminUnit.p.totalCount).toBe(poor.households);
    // Spot-check the first unreached households against each agency's own records.
    const codes = unreached.nodes.slice(0, 20).map((h: any) => h.code);
    for (const code of codes) {
      const { householdByCode: h } = await ask(`query($code: String!) { householdByCode(code: $code) {
        loans { disbursedOn } housingSupports { approvedOn status } enrolments { course { startsOn } } } }`, { code });
      expect(h.loans.filter((l: any) => l.disbursedOn.startsWith('2023'))).toEqual([]);
      expect(h.housingSupports.filter((s: any) => s.approvedOn.startsWith('2023') && s.status !== 'CANCELLED')).toEqual([]);
      expect(h.enrolments.filter((e: any) => e.course.startsOn.startsWith('2023'))).toEqual([]);
    }
  });

  it('coverage filtered by programme: without a loan, without housing support, and an empty filter refused', async () => {
    const { adminUnit } = await ask(`{ adminUnit(code: "23944") { coverage(year: 2023) {
      poor { households withLoan withHousingSupport withNone } nearPoor { households withLoan withHousingSupport withNone }
      noLoan: unreached(without: [CREDIT], first: 1000) { totalCount nodes { code } }
      noLoanPoor: unreached(status: POOR, without: [CREDIT], first: 1) { totalCount }
      noHousing: unreached(without: [HOUSING], first: 1) { totalCount }
      none: unreached(without: [CREDIT, HOUSING, TRAINING], first: 1) { totalCount } } } }`);
    const { poor, nearPoor, noLoan, noLoanPoor, noHousing, none } = adminUnit.coverage;
    expect(noLoan.totalCount).toBe(poor.households - poor.withLoan + nearPoor.households - nearPoor.withLoan);
    expect(noLoanPoor.totalCount).toBe(poor.households - poor.withLoan);
    expect(noHousing.totalCount).toBe(poor.households - poor.withHousingSupport + nearPoor.households - nearPoor.withHousingSupport);
    expect(none.totalCount).toBe(poor.withNone + nearPoor.withNone);
    // A household on the "no loan" list really had no loan disbursed in 2023.
    const { householdByCode } = await ask(`query($code: String!) { householdByCode(code: $code) { loans { disbursedOn } } }`, { code: noLoan.nodes[0].code });
    expect(householdByCode.loans.filter((l: any) => l.disbursedOn.startsWith('2023'))).toEqual([]);
    const { body } = await stack.request(analyst, `{ adminUnit(code: "23944") { coverage(year: 2023) { unreached(without: []) { totalCount } } } }`);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'without' });
  });

  it('targets vs results: Kông Chro 2024 and Châu Đốc 2024', async () => {
    const TARGETS = readFileSync(path.join(QUERIES, 'targets.graphql'), 'utf8');
    const kongChro = (await ask(TARGETS, { code: '630', year: 2024 })).adminUnit.targetResults;
    const byIndicator = Object.fromEntries(kongChro.filter((r: any) => r.target.unitCode === '630').map((r: any) => [r.target.indicator, r]));
    const { adminUnit } = await ask(`{ adminUnit(code: "630") { p2023: poverty(year: 2023) { povertyRate } p2024: poverty(year: 2024) { povertyRate } training(year: 2024) { jobs } } }`);
    expect(byIndicator['POVERTY_RATE_POINTS'].measured).toBeCloseTo(adminUnit.p2023.povertyRate - adminUnit.p2024.povertyRate, 2);
    expect(byIndicator['POVERTY_RATE_POINTS'].status).toBe(byIndicator['POVERTY_RATE_POINTS'].measured >= 5.5 ? 'MET' : 'NOT_MET');
    expect(byIndicator['JOBS'].measured).toBe(adminUnit.training.jobs);
    expect(byIndicator['JOBS'].status).toBe(adminUnit.training.jobs >= 825 ? 'MET' : 'NOT_MET');
    expect(byIndicator['TRAINED_LABOUR_SHARE'].status).toBe('NOT_MEASURED');
    const chauDoc = (await ask(TARGETS, { code: '884', year: 2024 })).adminUnit.targetResults;
    expect(chauDoc).toEqual([expect.objectContaining({ target: expect.objectContaining({ indicator: 'NEAR_POOR_HOUSEHOLDS', value: 142 }), measured: 142 - 58, status: 'NOT_MET' })]);
  });

  it('trends: one row a year, each the same report as the year asked alone', async () => {
    const TRENDS = readFileSync(path.join(QUERIES, 'trends.graphql'), 'utf8');
    const { adminUnit } = await ask(TRENDS, { code: '646', from: 2021, to: 2024 });
    expect(adminUnit.trend.map((y: any) => y.year)).toEqual([2021, 2022, 2023, 2024]);
    const y2023 = adminUnit.trend[2];
    const alone = await report('646', 2023);
    expect(y2023.poverty.poor).toBe(alone.poverty.poor);
    expect(y2023.credit.disbursementTurnover).toBe(215_404 * MILLION);
    expect(y2023.housing.newBuilds).toBe(alone.housing.newBuilds);
    expect(y2023.training.jobFairs).toBe(10);
    expect(y2023.infrastructure.recurrentCapital).toBe(7_200 * MILLION);
  });

  it('runs every saved query in docs/queries without an error', async () => {
    const borrower = await ask(`{ adminUnit(code: "23941") { households(status: POOR, year: 2022, first: 300) { nodes { code loans { id } } } } }`);
    const withLoan = borrower.adminUnit.households.nodes.find((h: any) => h.loans.length > 0);
    expect(withLoan).toBeDefined();
    const variables: Record<string, Record<string, unknown>> = {
      'year-end-report.graphql': { code: '630', year: 2023 },
      'coverage.graphql': { code: '23941', year: 2023, first: 10 },
      'targets.graphql': { code: '665', year: 2024 },
      'household-history.graphql': { code: withLoan.code },
      'trends.graphql': { code: '884', from: 2021, to: 2024 },
      'poor-households-programmes.graphql': { code: '23941', year: 2023, first: 10 },
    };
    const files = readdirSync(QUERIES).filter((file) => file.endsWith('.graphql')).sort();
    expect(files).toEqual(Object.keys(variables).sort());
    for (const file of files) {
      const data = await ask(readFileSync(path.join(QUERIES, file), 'utf8'), variables[file]);
      expect(Object.values(data as object).every((value) => value !== null)).toBe(true);
    }
    const history = await ask(readFileSync(path.join(QUERIES, 'household-history.graphql'), 'utf8'), { code: withLoan.code });
    expect(history.householdByCode.loans.length).toBeGreaterThan(0);
    expect(history.householdByCode.assessments.length).toBeGreaterThanOrEqual(3);
    expect(history.householdByCode.nationalId).toMatch(/\*/); // analysts see it masked
  });
});

describe('bad input', () => {
  const refused = async (query: string, code: string, field?: string) => {
    const { body } = await stack.request(analyst, query);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code, ...(field ? { field } : {}) });
    expect(body.errors![0]!.message.length).toBeGreaterThan(20);
  };

  it('an unknown area code', () => refused(`{ adminUnit(code: "99999") { poverty(year: 2023) { poor } } }`, 'NOT_FOUND', 'code'));
  it('a year no poverty standard covers', () => refused(`{ adminUnit(code: "630") { poverty(year: 2010) { poor } } }`, 'BAD_USER_INPUT', 'year'));
  it('a year outside every agency’s range', () => refused(`{ adminUnit(code: "630") { credit(year: 1990) { outstanding } } }`, 'BAD_USER_INPUT', 'year'));
  it('a page over the limit', () => refused(`{ adminUnit(code: "630") { households(first: 5000) { totalCount } } }`, 'BAD_USER_INPUT', 'first'));
  it('an unreached page over the limit', () => refused(`{ adminUnit(code: "23941") { coverage(year: 2023) { unreached(first: 1001) { totalCount } } } }`, 'BAD_USER_INPUT', 'first'));
  it('a trend too long', () => refused(`{ adminUnit(code: "630") { trend(from: 2016, to: 2050) { year } } }`, 'BAD_USER_INPUT', 'to'));
  it('too many households at once', () => refused(`{ households(ids: [${Array.from({ length: 1001 }, (_, i) => `"${i}"`).join(',')}]) { id } }`, 'BAD_USER_INPUT', 'ids'));
});
