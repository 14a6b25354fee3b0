import { apportion, randomParts, randomSource, type DemoCommune, type Random } from '@povgraph/demo';
import type { CourseKind, CreateTrainingCourseInput, EnrolTraineeInput, RecordJobFairInput, RecordLabourExportSupportInput } from '../generated/resolvers';
import { poolReviewYear, TRAINING_PLANS, YEARS, type DistrictTrainingPlan, type TrainingYearPlan } from './plan';

/** What the generator needs of a registry household. */
export interface PoolHousehold {
  id: string;
  headName: string;
  communeCode: string;
  registeredOn: string;
  withoutLabourCapacity: boolean;
}

/** What the generator reads of the registry for one district. */
export interface TrainingArea {
  districtCode: string;
  /** The district's communes on the 2023 map. */
  communes: readonly DemoCommune[];
  /** Poor and near-poor households of each review year (key: the review's year). */
  pools: Readonly<Record<number, readonly PoolHousehold[]>>;
}

/** An enrolment before its course exists: `course` indexes `TrainingDemoInputs.courses`. */
export interface PlannedEnrolment {
  course: number;
  input: Omit<EnrolTraineeInput, 'courseId'>;
  /** Null when the trainee did not complete the course. */
  completion: { completedOn: string; employedAfter: boolean } | null;
}

/** Everything the demo writes, in the order it is written. */
export interface TrainingDemoInputs {
  courses: CreateTrainingCourseInput[];
  enrolments: PlannedEnrolment[];
  jobFairs: RecordJobFairInput[];
  labourExport: RecordLabourExportSupportInput[];
}

const MIN_TRAINEES_PER_COURSE = 15;
const MAX_SEAT_SLACK = 5;
/** Budgets are whole half-millions, split in proportion to trainees, vocational courses costing three times as much per head. */
const BUDGET_STEP = 500_000;
const VOCATIONAL_COST_WEIGHT = 3;
const MIN_LABOUR_EXPORT_SUPPORT = 30_000_000;
const MILLION = 1_000_000;

const MIDDLE = { male: ['Văn', 'Đức', 'Hữu', 'Minh', 'Quốc'], female: ['Thị', 'Thị', 'Ngọc', 'Thanh'] };
const GIVEN = {
  male: ['Blơi', 'Hmơ', 'Thuận', 'Hùng', 'Dũng', 'Tâm', 'Sang', 'Bình', 'Khánh', 'Tuấn', 'Phúc', 'Nhơn', 'Pơ', 'Long', 'Toàn'],
  female: ['Hyun', 'Nhung', 'Lan', 'Hoa', 'Mai', 'Thảo', 'Hiền', 'Kim', 'Lành', 'Yên', 'Phương', 'Loan', 'Hằng'],
};
const DESTINATIONS = ['Nhật Bản', 'Nhật Bản', 'Hàn Quốc', 'Đài Loan (Trung Quốc)'];

/** A random source of its own for each district and year: one district left out changes no other. */
function randomFor(seed: number, districtCode: string, year: number): Random {
  return randomSource(Math.imul(seed, 0x9e3779b1) ^ Math.imul(Number(districtCode), 0x85ebca6b) ^ Math.imul(year, 0xc2b2ae35));
}

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);

/** The family name of a household head (every word but the middle and given names): a member's too. */
function familyOf(headName: string): string {
  const words = headName.trim().split(/\s+/u);
  return words.length > 2 ? words.slice(0, -2).join(' ') : words[0]!;
}

function memberName(random: Random, household: PoolHousehold): string {
  const sex = random.next() < 0.5 ? 'male' : 'female';
  return `${familyOf(household.headName)} ${random.pick(MIDDLE[sex])} ${random.pick(GIVEN[sex])}`;
}

function requirePlan(condition: boolean, message: string): void {
  if (!condition) throw new Error(`Training demo plan: ${message}`);
}

/**
 * The demo's writes for the given districts (only those with a plan in
 * plan.ts), 2021–2024: pure and deterministic — the same seed and registry give
 * the same inputs. Every total of the plan comes out exactly.
 */
export function generateTrainingDemo(seed: number, areas: readonly TrainingArea[]): TrainingDemoInputs {
  const inputs: TrainingDemoInputs = { courses: [], enrolments: [], jobFairs: [], labourExport: [] };
  for (const area of areas) {
    const plan = TRAINING_PLANS.find((p) => p.districtCode === area.districtCode);
    if (!plan) continue;
    for (const year of YEARS) generateYear(inputs, randomFor(seed, area.districtCode, year), plan, plan.years[year]!, area, year);
  }
  return inputs;
}

function generateYear(inputs: TrainingDemoInputs, random: Random, plan: DistrictTrainingPlan, figures: TrainingYearPlan, area: TrainingArea, year: number): void {
  const where = `${plan.districtCode} ${year}`;
  requirePlan(area.communes.length > 0, `${where} has no communes`);
  requirePlan(figures.completed <= figures.vocationalTrainees + figures.agriculturalExtensionTrainees, `${where} completes more trainees than it has`);
  requirePlan(figures.employedAfter <= figures.completed, `${where} employs more trainees than completed`);
  requirePlan(figures.jobFairHires <= figures.jobFairParticipants, `${where} hires more people than took part in its fairs`);
  // Only members of households able to work are trained or sent abroad.
  const pool = (area.pools[poolReviewYear(year)] ?? []).filter((household) => !household.withoutLabourCapacity);
  const communes = random.shuffle(area.communes);
  const communeAt = (i: number) => communes[i % communes.length]!;

  // Courses: sizes by randomParts, budgets apportioned to size, held in the communes in turn.
  const kinds = [
    { kind: 'VOCATIONAL' as CourseKind, count: figures.vocationalCourses, trainees: figures.vocationalTrainees, occupations: plan.vocational, provider: `Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên ${plan.localName}`, weeks: [8, 13] },
    { kind: 'AGRICULTURAL_EXTENSION' as CourseKind, count: figures.agriculturalExtensionCourses, trainees: figures.agriculturalExtensionTrainees, occupations: plan.extension, provider: `Trung tâm Dịch vụ nông nghiệp ${plan.localName}`, weeks: [1, 2] },
  ];
  const courses: Array<{ input: CreateTrainingCourseInput; trainees: number; weight: number }> = [];
  const names = new Map<string, number>();
  for (const { kind, count, trainees, occupations, provider, weeks } of kinds) {
    if (count === 0) {
      requirePlan(trainees === 0, `${where} has ${kind} trainees but no course`);
      continue;
    }
    for (const size of randomParts(random, trainees, count, { min: MIN_TRAINEES_PER_COURSE })) {
      const commune = communeAt(courses.length);
      const occupation = random.pick(occupations);
      const startsOn = random.dateBetween(`${year}-02-15`, `${year}-08-31`);
      const endsOn = addDays(startsOn, random.int(weeks[0]! * 7, weeks[1]! * 7));
      const base = `Lớp ${lowerFirst(occupation)} ${lowerFirst(commune.name)} năm ${year}`;
      const nth = (names.get(base) ?? 0) + 1;
      names.set(base, nth);
      courses.push({
        input: { name: nth === 1 ? base : `${base} (khóa ${nth})`, occupation, kind, communeCode: commune.code, provider, startsOn, endsOn, capacity: size + random.int(0, MAX_SEAT_SLACK), budget: 0 },
        trainees: size,
        weight: size * (kind === 'VOCATIONAL' ? VOCATIONAL_COST_WEIGHT : 1),
      });
    }
  }
  requirePlan(figures.courseBudget % BUDGET_STEP === 0, `${where} budget must be whole half-millions`);
  const budgets = apportion(figures.courseBudget / BUDGET_STEP, courses.map((course) => course.weight));
  courses.forEach((course, i) => (course.input.budget = budgets[i]! * BUDGET_STEP));

  // Trainees: members of the poor and near-poor households of the course's commune first, then of the
  // district; each list is read on from where the previous course stopped, so courses share few households.
  const local = new Map<string, PoolHousehold[]>();
  for (const household of random.shuffle(pool)) local.set(household.communeCode, [...(local.get(household.communeCode) ?? []), household]);
  const district = random.shuffle(pool);
  const cursors = new Map<readonly PoolHousehold[], number>();
  const firstEnrolment = inputs.enrolments.length;
  for (const course of courses) {
    const index = inputs.courses.push(course.input) - 1;
    const enrolledOn = addDays(course.input.startsOn, -random.int(0, 10));
    const chosen = new Map<string, PoolHousehold>();
    for (const list of [local.get(course.input.communeCode) ?? [], district]) {
      const start = cursors.get(list) ?? 0;
      let read = 0;
      for (; read < list.length && chosen.size < course.trainees; read++) {
        const household = list[(start + read) % list.length]!;
        if (household.registeredOn <= enrolledOn && !chosen.has(household.id)) chosen.set(household.id, household);
      }
      cursors.set(list, start + read);
    }
    requirePlan(chosen.size === course.trainees, `${where}: ${course.trainees} trainees wanted for “${course.input.name}”, the registry has ${chosen.size} poor or near-poor households able to work`);
    for (const household of chosen.values()) {
      inputs.enrolments.push({
        course: index,
        input: { householdId: household.id, traineeName: memberName(random, household), traineeBirthYear: random.int(year - 50, year - 16), enrolledOn },
        completion: null,
      });
    }
  }
  // Exactly `completed` trainees complete (on the course's last day), exactly `employedAfter` of them find work.
  const yearEnrolments = inputs.enrolments.slice(firstEnrolment);
  const completers = random.shuffle(yearEnrolments).slice(0, figures.completed);
  completers.forEach((enrolment, i) => {
    enrolment.completion = { completedOn: inputs.courses[enrolment.course]!.endsOn, employedAfter: i < figures.employedAfter };
  });

  // Job fairs: participants by randomParts, hires in proportion (never more than took part), one per commune and day.
  if (figures.jobFairs > 0) {
    const participants = randomParts(random, figures.jobFairParticipants, figures.jobFairs, { min: 30 });
    const hires = apportion(figures.jobFairHires, participants);
    const held = new Set<string>();
    participants.forEach((count, i) => {
      const commune = communeAt(i);
      let heldOn = random.dateBetween(`${year}-03-01`, `${year}-11-30`);
      while (held.has(`${commune.code}|${heldOn}`)) heldOn = addDays(heldOn, 1);
      held.add(`${commune.code}|${heldOn}`);
      const organiser = i % 3 === 2 ? `Phòng Lao động - Thương binh và Xã hội ${plan.localName}` : `Trung tâm Dịch vụ việc làm tỉnh ${plan.provinceName}`;
      inputs.jobFairs.push({ communeCode: commune.code, heldOn, organiser, participants: count, employers: random.int(5, 30), jobsOffered: hires[i]! + random.int(30, 200), peopleHired: hires[i]! });
    });
  } else {
    requirePlan(figures.jobFairParticipants === 0, `${where} has fair participants but no fair`);
  }

  // Workers abroad: one member each of distinct households, support in whole millions adding up to the plan.
  if (figures.labourExportWorkers > 0) {
    const amounts = randomParts(random, figures.labourExportSupport, figures.labourExportWorkers, { min: MIN_LABOUR_EXPORT_SUPPORT, step: MILLION });
    const households = random.shuffle(pool);
    let next = 0;
    for (const amount of amounts) {
      const departureDate = random.dateBetween(`${year}-03-01`, `${year}-12-15`);
      while (next < households.length && households[next]!.registeredOn > departureDate) next++;
      requirePlan(next < households.length, `${where}: not enough poor or near-poor households for ${figures.labourExportWorkers} workers abroad`);
      const household = households[next++]!;
      inputs.labourExport.push({ householdId: household.id, workerName: memberName(random, household), destinationCountry: random.pick(DESTINATIONS), departureDate, amount });
    }
  } else {
    requirePlan(figures.labourExportSupport === 0, `${where} has labour-export support but no worker`);
  }
}
