import { generateTrainingDemo, type PoolHousehold, type TrainingArea, type TrainingDemoInputs } from '../generate';
import { plannedJobs, poolReviewYear, TRAINING_PLANS, YEARS } from '../plan';

const REVIEW_YEARS = [2021, 2022, 2023];

/** A registry stand-in: five communes per district, 400 poor or near-poor households per review, some unable to work or registered late. */
function syntheticAreas(): TrainingArea[] {
  return TRAINING_PLANS.map((plan, d) => {
    const communes = Array.from({ length: 5 }, (_, c) => ({ code: `${90000 + d * 10 + c}`, name: `Xã Thử ${d}-${c}` }));
    const pools = Object.fromEntries(
      REVIEW_YEARS.map((year) => [
        year,
        Array.from({ length: 400 }, (_, h): PoolHousehold & { code: string; village: string; members: number } => ({
          id: `${plan.districtCode}-${year}-${h}`,
          code: `T${plan.districtCode}-${h}`,
          headName: h % 2 ? 'Đinh Văn Blơi' : 'Rơ Châm Thị Hyun',
          communeCode: communes[h % 5]!.code,
          village: 'Làng 1',
          registeredOn: h % 50 === 7 ? '2024-12-01' : '2015-03-01',
          members: 5,
          withoutLabourCapacity: h % 40 === 3,
        })),
      ]),
    );
    return { districtCode: plan.districtCode, communes, pools };
  });
}

const areas = syntheticAreas();
const districtOf = (communeCode: string) => areas.find((area) => area.communes.some((commune) => commune.code === communeCode))!.districtCode;
const yearOf = (day: string) => Number(day.slice(0, 4));

/** The figures `AdminUnit.training(year)` would count from the inputs, per district and year. */
function tally(inputs: TrainingDemoInputs, districtCode: string, year: number) {
  const courseIndexes = inputs.courses.flatMap((course, i) => (districtOf(course.communeCode) === districtCode && yearOf(course.startsOn) === year ? [i] : []));
  const courses = courseIndexes.map((i) => inputs.courses[i]!);
  const enrolments = inputs.enrolments.filter((enrolment) => courseIndexes.includes(enrolment.course));
  const kindOf = (i: number) => inputs.courses[i]!.kind;
  const fairs = inputs.jobFairs.filter((fair) => districtOf(fair.communeCode) === districtCode && yearOf(fair.heldOn) === year);
  const households = new Map(Object.values(areas.find((a) => a.districtCode === districtCode)!.pools).flat().map((h) => [h.id, h]));
  const supports = inputs.labourExport.filter((support) => households.has(support.householdId) && yearOf(support.departureDate) === year);
  const sum = <T>(items: T[], pick: (item: T) => number) => items.reduce((total, item) => total + pick(item), 0);
  return {
    vocationalCourses: courses.filter((c) => c.kind === 'VOCATIONAL').length,
    vocationalTrainees: enrolments.filter((e) => kindOf(e.course) === 'VOCATIONAL').length,
    agriculturalExtensionCourses: courses.filter((c) => c.kind === 'AGRICULTURAL_EXTENSION').length,
    agriculturalExtensionTrainees: enrolments.filter((e) => kindOf(e.course) === 'AGRICULTURAL_EXTENSION').length,
    courseBudget: sum(courses, (c) => c.budget),
    completed: enrolments.filter((e) => e.completion).length,
    employedAfter: enrolments.filter((e) => e.completion?.employedAfter).length,
    jobFairs: fairs.length,
    jobFairParticipants: sum(fairs, (f) => f.participants),
    jobFairHires: sum(fairs, (f) => f.peopleHired),
    labourExportWorkers: supports.length,
    labourExportSupport: sum(supports, (s) => s.amount),
  };
}

describe('generateTrainingDemo', () => {
  const inputs = generateTrainingDemo(2023, areas);

  it.each(TRAINING_PLANS.flatMap((plan) => YEARS.map((year) => [plan.districtCode, year] as const)))('gives %s in %i exactly the planned figures', (districtCode, year) => {
    expect(tally(inputs, districtCode, year)).toEqual(TRAINING_PLANS.find((p) => p.districtCode === districtCode)!.years[year]);
  });

  it('reproduces Ea Súp 2023 as its year-end report gives it (DESIGN §5)', () => {
    expect(tally(inputs, '646', 2023)).toMatchObject({
      vocationalCourses: 9,
      agriculturalExtensionCourses: 15,
      agriculturalExtensionTrainees: 477,
      jobFairs: 10,
      jobFairParticipants: 858,
      labourExportSupport: 864_000_000,
    });
  });

  it('meets Kông Chro’s 2024 target of jobs for 825 rural workers', () => {
    const kongChro2024 = tally(inputs, '630', 2024);
    expect(kongChro2024.employedAfter + kongChro2024.jobFairHires + kongChro2024.labourExportWorkers).toBe(861);
    expect(plannedJobs(TRAINING_PLANS.find((p) => p.districtCode === '630')!.years[2024]!)).toBeGreaterThanOrEqual(825);
  });

  it('respects capacity, enrols a household once per course, from the poor and near-poor of the previous review who can work', () => {
    const byCourse = new Map<number, string[]>();
    for (const { course, input, completion } of inputs.enrolments) {
      byCourse.set(course, [...(byCourse.get(course) ?? []), input.householdId]);
      const planned = inputs.courses[course]!;
      const year = yearOf(planned.startsOn);
      const household = areas.find((a) => a.districtCode === districtOf(planned.communeCode))!.pools[poolReviewYear(year)]!.find((h) => h.id === input.householdId);
      expect(household).toBeDefined();
      expect(household!.withoutLabourCapacity).toBe(false);
      expect(input.enrolledOn >= household!.registeredOn).toBe(true);
      expect(input.enrolledOn <= planned.startsOn).toBe(true);
      expect(year - input.traineeBirthYear!).toBeGreaterThanOrEqual(16);
      if (completion) expect(completion.completedOn).toBe(planned.endsOn);
    }
    for (const [course, households] of byCourse) {
      expect(households.length).toBeLessThanOrEqual(inputs.courses[course]!.capacity);
      expect(new Set(households).size).toBe(households.length);
    }
    for (const course of inputs.courses) {
      expect(course.endsOn >= course.startsOn && yearOf(course.endsOn) === yearOf(course.startsOn)).toBe(true);
      expect(course.capacity).toBeLessThanOrEqual(500);
    }
  });

  it('holds one fair per commune and day, never hiring more than took part or were offered jobs', () => {
    const keys = inputs.jobFairs.map((fair) => `${fair.communeCode}|${fair.heldOn}|${fair.organiser}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const fair of inputs.jobFairs) {
      expect(fair.peopleHired).toBeLessThanOrEqual(fair.participants);
      expect(fair.peopleHired).toBeLessThanOrEqual(fair.jobsOffered);
    }
  });

  it('supports distinct households’ workers, in whole millions, leaving after registration', () => {
    for (const support of inputs.labourExport) {
      expect(support.amount % 1_000_000).toBe(0);
      expect(['Nhật Bản', 'Hàn Quốc', 'Đài Loan (Trung Quốc)']).toContain(support.destinationCountry);
    }
    for (const area of areas) {
      for (const year of YEARS) {
        const pool = new Map(area.pools[poolReviewYear(year)]!.map((h) => [h.id, h]));
        const supports = inputs.labourExport.filter((s) => pool.has(s.householdId) && yearOf(s.departureDate) === year);
        expect(new Set(supports.map((s) => s.householdId)).size).toBe(supports.length);
        for (const s of supports) expect(s.departureDate >= pool.get(s.householdId)!.registeredOn).toBe(true);
      }
    }
  });

  it('is deterministic: the same seed gives the same inputs, another seed others', () => {
    expect(generateTrainingDemo(2023, areas)).toEqual(inputs);
    const other = generateTrainingDemo(7, areas);
    expect(other).not.toEqual(inputs);
    // …with the same totals.
    expect(tally(other, '646', 2023)).toEqual(tally(inputs, '646', 2023));
  });

  it('leaves out a district the registry holds nothing of, without changing the others', () => {
    const only = generateTrainingDemo(2023, areas.filter((area) => area.districtCode === '646'));
    expect(only.courses).toEqual(inputs.courses.filter((course) => districtOf(course.communeCode) === '646'));
  });

  it('refuses a plan the registry cannot staff', () => {
    const tiny = areas.filter((area) => area.districtCode === '630').map((area) => ({ ...area, pools: { 2021: area.pools[2021]!.slice(0, 10), 2022: [], 2023: [] } }));
    expect(() => generateTrainingDemo(2023, tiny)).toThrow(/trainees wanted for .*the registry has/);
  });
});
