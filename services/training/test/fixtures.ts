import type { DataSource } from 'typeorm';
import type { TestSubgraphRecipe } from '@povgraph/testing';
import type { Context } from '../src/context';
import { trainingDataSource, trainingSubgraph } from '../src/subgraph';

/** The codes of households' test map (services/households/test/fixtures.ts), which the cross-agency tests in test/ load. */
export const UNITS = {
  province: '64',
  district: '630',
  communeA: '23701',
  communeB: '23702',
  mergedCommune: '23710',
  otherDistrict: '631',
  otherCommune: '23801',
} as const;

export const recipe: TestSubgraphRecipe<Context> = {
  label: 'training',
  dataSource: trainingDataSource,
  subgraph: trainingSubgraph,
};

export interface CourseRow {
  name?: string;
  kind?: string;
  communeCode?: string;
  startsOn?: string;
  endsOn?: string;
  capacity?: number;
  budget?: number;
}

/** A course straight into the table (for tests of what follows its creation); returns its id. */
export async function insertCourse(dataSource: DataSource, course: CourseRow = {}): Promise<string> {
  const [row] = await dataSource.query(
    `INSERT INTO training_courses (name, occupation, kind, commune_code, provider, starts_on, ends_on, capacity, budget)
     VALUES ($1, 'Kỹ thuật trồng cà phê', $2, $3, 'Trung tâm GDNN-GDTX Kông Chro', $4, $5, $6, $7) RETURNING id`,
    [
      course.name ?? 'Trồng và chăm sóc cà phê',
      course.kind ?? 'VOCATIONAL',
      course.communeCode ?? UNITS.communeA,
      course.startsOn ?? '2023-03-01',
      course.endsOn ?? '2023-05-31',
      course.capacity ?? 30,
      course.budget ?? 90_000_000,
    ],
  );
  return row.id;
}

export const COURSE_FIELDS = 'id name occupation kind communeCode provider startsOn endsOn capacity budget enrolled seatsLeft';
export const ENROLMENT_FIELDS = 'id traineeName traineeBirthYear enrolledOn completed completedOn employedAfter communeCode household { id } course { id name }';

export const CREATE_COURSE = /* GraphQL */ `
  mutation CreateCourse($input: CreateTrainingCourseInput!) { createTrainingCourse(input: $input) { ${COURSE_FIELDS} } }`;

export const ENROL = /* GraphQL */ `
  mutation Enrol($input: EnrolTraineeInput!) { enrolTrainee(input: $input) { ${ENROLMENT_FIELDS} } }`;

export const COMPLETE = /* GraphQL */ `
  mutation Complete($enrolmentId: ID!, $completedOn: Date!, $employedAfter: Boolean!) {
    recordCompletion(enrolmentId: $enrolmentId, completedOn: $completedOn, employedAfter: $employedAfter) { ${ENROLMENT_FIELDS} } }`;

export const RECORD_FAIR = /* GraphQL */ `
  mutation Fair($input: RecordJobFairInput!) { recordJobFair(input: $input) { id communeCode heldOn organiser participants employers jobsOffered peopleHired } }`;

export const RECORD_EXPORT = /* GraphQL */ `
  mutation Export($input: RecordLabourExportSupportInput!) {
    recordLabourExportSupport(input: $input) { id communeCode workerName destinationCountry departureDate amount household { id } } }`;

export function courseInput(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Trồng và chăm sóc cà phê — khóa 1',
    occupation: 'Kỹ thuật trồng cà phê',
    kind: 'VOCATIONAL',
    communeCode: UNITS.communeA,
    provider: 'Trung tâm GDNN-GDTX Kông Chro',
    startsOn: '2023-03-01',
    endsOn: '2023-05-31',
    capacity: 30,
    budget: 90_000_000,
    ...overrides,
  };
}

export function fairInput(overrides: Record<string, unknown> = {}) {
  return {
    communeCode: UNITS.communeA,
    heldOn: '2023-09-12',
    organiser: 'Trung tâm Dịch vụ việc làm Gia Lai',
    participants: 120,
    employers: 8,
    jobsOffered: 300,
    peopleHired: 45,
    ...overrides,
  };
}

/** Row counts of every table a mutation may write, to prove a refused one wrote nothing. */
export async function tableCounts(dataSource: DataSource): Promise<Record<string, number>> {
  const [row] = await dataSource.query(`
    SELECT (SELECT count(*) FROM training_courses)::int AS courses,
           (SELECT count(*) FROM enrolments)::int AS enrolments,
           (SELECT count(*) FROM enrolments WHERE completed)::int AS completions,
           (SELECT count(*) FROM job_fairs)::int AS fairs,
           (SELECT count(*) FROM labour_export_supports)::int AS exports,
           (SELECT count(*) FROM audit_log)::int AS audit`);
  return row;
}
