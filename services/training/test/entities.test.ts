import type { DataSource } from 'typeorm';
import { startTestSubgraph, testCallers, type TestSubgraph } from '@povgraph/testing';
import { insertCourse, recipe, UNITS } from './fixtures';

let subgraph: TestSubgraph;
const analyst = testCallers.analyst();
const HOUSEHOLD_A = '00000000-0000-4000-8000-00000000000a';
const HOUSEHOLD_B = '00000000-0000-4000-8000-00000000000b';
const NOBODY = '00000000-0000-4000-8000-000000000000';
let courseId: string;
let enrolmentId: string;
let fairId: string;
let supportId: string;

/** The communes of each unit as the registry lists them (households' fixtures). */
const COMMUNES = {
  communeA: [UNITS.communeA],
  communeB: [UNITS.communeB],
  otherCommune: [UNITS.otherCommune],
  district: [UNITS.communeA, UNITS.communeB],
  province: [UNITS.communeA, UNITS.communeB, UNITS.mergedCommune, UNITS.otherCommune],
};

async function enrol(dataSource: DataSource, course: string, household: string, communeCode: string, name: string, completed: boolean, employed: boolean): Promise<string> {
  const [row] = await dataSource.query(
    `INSERT INTO enrolments (course_id, household_id, commune_code, trainee_name, trainee_name_key, trainee_birth_year, enrolled_on, completed, completed_on, employed_after)
     VALUES ($1, $2, $3, $4, lower($4), 1998, '2023-02-20', $5, CASE WHEN $5 THEN '2023-06-01'::date END, $6) RETURNING id`,
    [course, household, communeCode, name, completed, employed],
  );
  return row.id;
}

async function fair(dataSource: DataSource, communeCode: string, heldOn: string, participants: number, hired: number): Promise<string> {
  const [row] = await dataSource.query(
    `INSERT INTO job_fairs (commune_code, held_on, organiser, organiser_key, participants, employers, jobs_offered, people_hired)
     VALUES ($1, $2, 'Trung tâm DVVL', 'trung tâm dvvl', $3, 5, 500, $4) RETURNING id`,
    [communeCode, heldOn, participants, hired],
  );
  return row.id;
}

async function labourExport(dataSource: DataSource, household: string, communeCode: string, worker: string, departureDate: string, amount: number): Promise<string> {
  const [row] = await dataSource.query(
    `INSERT INTO labour_export_supports (household_id, commune_code, worker_name, worker_name_key, destination_country, departure_date, amount)
     VALUES ($1, $2, $3, lower($3), 'Nhật Bản', $4, $5) RETURNING id`,
    [household, communeCode, worker, departureDate, amount],
  );
  return row.id;
}

beforeAll(async () => {
  subgraph = await startTestSubgraph(recipe);
  const ds = subgraph.dataSource;
  // Commune A, 2023: a vocational course (3 trainees: 2 completed, 1 employed), an
  // extension course (2 trainees: 1 completed and employed); a 2022 course that 2023 must not count.
  courseId = await insertCourse(ds, { name: 'Lớp cơ khí', kind: 'VOCATIONAL', budget: 100_000_000 });
  enrolmentId = await enrol(ds, courseId, HOUSEHOLD_A, UNITS.communeA, 'Đinh Văn A', true, true);
  await enrol(ds, courseId, HOUSEHOLD_A, UNITS.communeA, 'Đinh Thị B', true, false);
  // Household B lives in commune B but trains in commune A: the course counts where it is held.
  await enrol(ds, courseId, HOUSEHOLD_B, UNITS.communeB, 'Rơ Châm C', false, false);
  const extension = await insertCourse(ds, { name: 'Khuyến nông lúa', kind: 'AGRICULTURAL_EXTENSION', startsOn: '2023-11-20', endsOn: '2024-01-10', budget: 20_000_000 });
  await enrol(ds, extension, HOUSEHOLD_A, UNITS.communeA, 'Đinh Văn D', true, true);
  await enrol(ds, extension, HOUSEHOLD_B, UNITS.communeB, 'Rơ Châm E', false, false);
  const old = await insertCourse(ds, { startsOn: '2022-12-31', endsOn: '2023-02-28', budget: 7_000_000 });
  await enrol(ds, old, HOUSEHOLD_A, UNITS.communeA, 'Đinh Văn F', true, true);
  fairId = await fair(ds, UNITS.communeA, '2023-04-10', 100, 10);
  await fair(ds, UNITS.communeA, '2022-04-10', 999, 99);
  supportId = await labourExport(ds, HOUSEHOLD_A, UNITS.communeA, 'Đinh Văn G', '2023-03-01', 10_000_000);
  await labourExport(ds, HOUSEHOLD_A, UNITS.communeA, 'Đinh Văn H', '2023-12-31', 15_000_000);
  await labourExport(ds, HOUSEHOLD_A, UNITS.communeA, 'Đinh Văn I', '2024-01-01', 99_000_000);
  // Commune B, 2023: a short skills course with one trainee, a fair, one worker abroad.
  const skills = await insertCourse(ds, { kind: 'SHORT_TERM_SKILLS', communeCode: UNITS.communeB, budget: 5_000_000 });
  await enrol(ds, skills, HOUSEHOLD_B, UNITS.communeB, 'Rơ Châm J', true, false);
  await fair(ds, UNITS.communeB, '2023-08-08', 50, 5);
  await labourExport(ds, HOUSEHOLD_B, UNITS.communeB, 'Rơ Châm K', '2023-06-30', 20_000_000);
  // The 2025 commune: nothing in 2023, a course in 2025.
  await insertCourse(ds, { communeCode: UNITS.mergedCommune, startsOn: '2025-08-01', endsOn: '2025-10-01' });
  // Another district's commune, 2023: a vocational course without trainees, a fair, a worker abroad.
  await insertCourse(ds, { communeCode: UNITS.otherCommune, startsOn: '2023-05-05', endsOn: '2023-07-05', budget: 40_000_000 });
  await fair(ds, UNITS.otherCommune, '2023-05-01', 30, 3);
  await labourExport(ds, NOBODY, UNITS.otherCommune, 'Ksor L', '2023-09-09', 8_000_000);
});
afterAll(() => subgraph.stop());

const ENTITIES = `query Entities($representations: [_Any!]!) { _entities(representations: $representations) {
  ... on TrainingCourse { name kind enrolled seatsLeft }
  ... on Enrolment { traineeName completed employedAfter course { name } household { id } }
  ... on JobFair { communeCode participants peopleHired }
  ... on LabourExportSupport { workerName amount household { id } } } }`;

describe('_entities', () => {
  it('resolves this service’s records by key, in order, with null for unknown keys', async () => {
    const { data, errors } = await subgraph.client.as(analyst).request(ENTITIES, {
      representations: [
        { __typename: 'LabourExportSupport', id: supportId },
        { __typename: 'TrainingCourse', id: courseId },
        { __typename: 'TrainingCourse', id: NOBODY },
        { __typename: 'Enrolment', id: enrolmentId },
        { __typename: 'JobFair', id: fairId },
        { __typename: 'JobFair', id: 'not-a-uuid' },
      ],
    });
    expect(errors).toBeUndefined();
    expect(data!._entities).toEqual([
      { workerName: 'Đinh Văn G', amount: 10_000_000, household: { id: HOUSEHOLD_A } },
      { name: 'Lớp cơ khí', kind: 'VOCATIONAL', enrolled: 3, seatsLeft: 27 },
      null,
      { traineeName: 'Đinh Văn A', completed: true, employedAfter: true, course: { name: 'Lớp cơ khí' }, household: { id: HOUSEHOLD_A } },
      { communeCode: UNITS.communeA, participants: 100, peopleHired: 10 },
      null,
    ]);
  });

  it('adds enrolments and labour-export support to households, oldest first, and empty lists where there are none', async () => {
    const { data, errors } = await subgraph.client.as(analyst).request(
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Household { id
        enrolments { traineeName course { name } } labourExport { workerName departureDate amount } } } }`,
      { representations: [HOUSEHOLD_B, NOBODY, 'not-a-household-id'].map((id) => ({ __typename: 'Household', id })) },
    );
    expect(errors).toBeUndefined();
    expect(data!._entities).toEqual([
      {
        id: HOUSEHOLD_B,
        enrolments: [
          { traineeName: 'Rơ Châm C', course: { name: 'Lớp cơ khí' } },
          { traineeName: 'Rơ Châm E', course: { name: 'Khuyến nông lúa' } },
          { traineeName: 'Rơ Châm J', course: { name: 'Trồng và chăm sóc cà phê' } },
        ],
        labourExport: [{ workerName: 'Rơ Châm K', departureDate: '2023-06-30', amount: 20_000_000 }],
      },
      { id: NOBODY, enrolments: [], labourExport: [{ workerName: 'Ksor L', departureDate: '2023-09-09', amount: 8_000_000 }] },
      { id: 'not-a-household-id', enrolments: [], labourExport: [] },
    ]);
  });
});

const REPORT = `query Report($representations: [_Any!]!, $year: Int!) { _entities(representations: $representations) { ... on AdminUnit { code
  training(year: $year) { areaCode year courses vocationalCourses agriculturalExtensionCourses courseBudget trainees vocationalTrainees
    agriculturalExtensionTrainees completed employedAfter employmentRate jobFairs jobFairParticipants jobFairHires labourExportWorkers labourExportSupport } } } }`;

const unit = (code: string, communeCodes: readonly string[]) => ({ __typename: 'AdminUnit', code, communeCodes });

type Figures = Record<string, number | string>;

describe('AdminUnit.training (communeCodes from the registry, via @requires)', () => {
  const units = [
    unit(UNITS.communeA, COMMUNES.communeA),
    unit(UNITS.communeB, COMMUNES.communeB),
    // As a leaf of the province sum, the 2025 commune counts only what happened in it.
    unit(UNITS.mergedCommune, [UNITS.mergedCommune]),
    unit(UNITS.otherCommune, COMMUNES.otherCommune),
    unit(UNITS.district, COMMUNES.district),
    unit(UNITS.province, COMMUNES.province),
  ];
  let report: Map<string, Figures>;

  beforeAll(async () => {
    subgraph.sql.reset();
    const { data, errors } = await subgraph.client.as(analyst).request(REPORT, { representations: units, year: 2023 });
    expect(errors).toBeUndefined();
    report = new Map(data!._entities.map((entity: { code: string; training: Figures }) => [entity.code, entity.training]));
  });

  it('counts a commune’s courses by the year they start, their trainees, fairs and workers abroad', () => {
    expect(report.get(UNITS.communeA)).toEqual({
      areaCode: UNITS.communeA, year: 2023,
      courses: 2, vocationalCourses: 1, agriculturalExtensionCourses: 1, courseBudget: 120_000_000,
      trainees: 5, vocationalTrainees: 3, agriculturalExtensionTrainees: 2, completed: 3, employedAfter: 2, employmentRate: 66.67,
      jobFairs: 1, jobFairParticipants: 100, jobFairHires: 10,
      labourExportWorkers: 2, labourExportSupport: 25_000_000,
    });
    expect(report.get(UNITS.communeB)).toMatchObject({ courses: 1, vocationalCourses: 0, trainees: 1, completed: 1, employedAfter: 0, employmentRate: 0, jobFairs: 1, jobFairParticipants: 50, labourExportWorkers: 1, labourExportSupport: 20_000_000 });
  });

  it('answers zeros for an area with nothing that year', () => {
    expect(report.get(UNITS.mergedCommune)).toMatchObject({ courses: 0, trainees: 0, employmentRate: 0, jobFairs: 0, labourExportWorkers: 0, labourExportSupport: 0, courseBudget: 0 });
  });

  it('adds a district and a province up exactly from their communes', () => {
    const sum = (codes: string[]) => {
      const total: Record<string, number> = {};
      for (const code of codes) for (const [key, value] of Object.entries(report.get(code)!)) if (typeof value === 'number' && key !== 'year' && key !== 'employmentRate') total[key] = (total[key] ?? 0) + value;
      return total;
    };
    const district = sum([UNITS.communeA, UNITS.communeB]);
    const province = sum([UNITS.communeA, UNITS.communeB, UNITS.mergedCommune, UNITS.otherCommune]);
    expect(report.get(UNITS.district)).toMatchObject({ ...district, areaCode: UNITS.district, year: 2023, employmentRate: 50 });
    expect(report.get(UNITS.province)).toMatchObject({ ...province, areaCode: UNITS.province, year: 2023 });
    expect(province).toMatchObject({ courses: 4, trainees: 6, jobFairs: 3, jobFairParticipants: 180, labourExportWorkers: 4, labourExportSupport: 53_000_000, courseBudget: 165_000_000 });
  });

  it('computes every unit of a request in one SQL statement', () => {
    expect(subgraph.sql.statements).toHaveLength(1);
    expect(subgraph.sql.statements[0]).toMatch(/unnest/);
  });

  it('answers for a 2025 commune over the communes it took over, as the registry lists them', async () => {
    const { data } = await subgraph.client.as(analyst).request(REPORT, { representations: [unit(UNITS.mergedCommune, [UNITS.communeA, UNITS.communeB, UNITS.mergedCommune])], year: 2023 });
    expect(data!._entities[0].training).toEqual({ ...report.get(UNITS.district), areaCode: UNITS.mergedCommune });
  });

  it('counts a commune listed twice once', async () => {
    const { data } = await subgraph.client.as(analyst).request(REPORT, { representations: [unit(UNITS.district, [...COMMUNES.district, UNITS.communeA])], year: 2023 });
    expect(data!._entities[0].training).toEqual(report.get(UNITS.district));
  });

  it('answers another year from the same records', async () => {
    const { data } = await subgraph.client.as(analyst).request(REPORT, { representations: [unit(UNITS.province, COMMUNES.province)], year: 2022 });
    expect(data!._entities[0].training).toMatchObject({ courses: 1, trainees: 1, completed: 1, employedAfter: 1, employmentRate: 100, jobFairs: 1, jobFairParticipants: 999, labourExportWorkers: 0 });
  });

  it.each([1999, 2101])('refuses the year %i', async (year) => {
    const { errors } = await subgraph.client.as(analyst).request(REPORT, { representations: [unit(UNITS.district, COMMUNES.district)], year });
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
    expect(errors![0]!.message).toBe(`The year must be a whole number from 2000 to 2100; got ${year}.`);
  });

  it('refuses a representation without the communes, which only a direct caller can send', async () => {
    const { errors } = await subgraph.client.as(analyst).request(REPORT, { representations: [{ __typename: 'AdminUnit', code: UNITS.district }], year: 2023 });
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'communeCodes' });
  });
});

describe('AreaYear.training (the registry’s year-end report and trend points)', () => {
  const FIELDS = 'areaCode year courses trainees completed employedAfter jobFairHires labourExportWorkers labourExportSupport jobs';
  const AREA_YEARS = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on AreaYear { code year training { ${FIELDS} } } } }`;
  const areaYear = (year: number, communeCodes: readonly string[] | null = COMMUNES.district) => ({ __typename: 'AreaYear', code: UNITS.district, year, ...(communeCodes ? { communeCodes } : {}) });

  it('answers a trend of years as AdminUnit.training answers each year, in one SQL statement', async () => {
    subgraph.sql.reset();
    const { data, errors } = await subgraph.client.as(analyst).request(AREA_YEARS, { representations: [2022, 2023, 2024].map((year) => areaYear(year)) });
    expect(errors).toBeUndefined();
    expect(subgraph.sql.statements).toHaveLength(1);
    for (const [i, year] of [2022, 2023, 2024].entries()) {
      const { data: unitData } = await subgraph.client.as(analyst).request(
        `query($representations: [_Any!]!, $year: Int!) { _entities(representations: $representations) { ... on AdminUnit { training(year: $year) { ${FIELDS} } } } }`,
        { representations: [unit(UNITS.district, COMMUNES.district)], year },
      );
      expect(data!._entities[i]).toEqual({ code: UNITS.district, year, training: unitData!._entities[0].training });
    }
    // 2023: 2 trainees employed after their course + 15 hired at the fairs + 3 workers abroad.
    expect(data!._entities[1].training).toMatchObject({ employedAfter: 2, jobFairHires: 15, labourExportWorkers: 3, jobs: 20 });
    expect(data!._entities[2].training).toMatchObject({ courses: 0, labourExportWorkers: 1, jobs: 1 });
  });

  it('refuses a representation without the communes, which only a direct caller can send', async () => {
    const { errors } = await subgraph.client.as(analyst).request(AREA_YEARS, { representations: [areaYear(2023, null)] });
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'communeCodes' });
  });
});

describe('Household.trainedIn(year)', () => {
  const TRAINED = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Household { id
    y2022: trainedIn(year: 2022) y2023: trainedIn(year: 2023) y2024: trainedIn(year: 2024) } } }`;

  it('tells whether a member enrolled in a course starting in the year, for many households and years in one SQL statement', async () => {
    subgraph.sql.reset();
    const { data, errors } = await subgraph.client.as(analyst).request(TRAINED, { representations: [HOUSEHOLD_A, HOUSEHOLD_B, NOBODY, 'not-a-household-id'].map((id) => ({ __typename: 'Household', id })) });
    expect(errors).toBeUndefined();
    expect(data!._entities).toEqual([
      // A: the 2022 course starting on 31 December, two 2023 courses (one ending in 2024: it counts in the year it starts).
      { id: HOUSEHOLD_A, y2022: true, y2023: true, y2024: false },
      { id: HOUSEHOLD_B, y2022: false, y2023: true, y2024: false },
      { id: NOBODY, y2022: false, y2023: false, y2024: false },
      { id: 'not-a-household-id', y2022: false, y2023: false, y2024: false },
    ]);
    expect(subgraph.sql.statements).toHaveLength(1);
  });

  it.each([1999, 2101])('refuses the year %i', async (year) => {
    const { errors } = await subgraph.client.as(analyst).request(
      `query($representations: [_Any!]!, $year: Int!) { _entities(representations: $representations) { ... on Household { trainedIn(year: $year) } } }`,
      { representations: [{ __typename: 'Household', id: HOUSEHOLD_A }], year },
    );
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
  });
});

describe('SQL statements', () => {
  it('cost the same for the children of 10 and of 1,000 households', async () => {
    const ds = subgraph.dataSource;
    const course = await insertCourse(ds, { name: 'Lớp đông', capacity: 500 });
    const statementsFor = async (count: number) => {
      const ids: Array<{ id: string }> = await ds.query(`SELECT gen_random_uuid() AS id FROM generate_series(1, $1)`, [count]);
      const householdIds = ids.map((row) => row.id);
      await ds.query(
        `INSERT INTO enrolments (course_id, household_id, commune_code, trainee_name, trainee_name_key, enrolled_on)
         SELECT $1, id, $2, 'Học viên', 'học viên', '2023-02-20' FROM unnest($3::uuid[]) AS id`,
        [course, UNITS.communeA, householdIds],
      );
      await ds.query(
        `INSERT INTO labour_export_supports (household_id, commune_code, worker_name, worker_name_key, destination_country, departure_date, amount)
         SELECT id, $1, 'Lao động', 'lao động', 'Hàn Quốc', '2023-05-05', 30000000 FROM unnest($2::uuid[]) AS id`,
        [UNITS.communeA, householdIds],
      );
      subgraph.sql.reset();
      const { data, errors } = await subgraph.client.as(analyst).request(
        `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Household {
          enrolments { traineeName course { name enrolled } } labourExport { amount } } } }`,
        { representations: householdIds.map((id) => ({ __typename: 'Household', id })) },
      );
      expect(errors).toBeUndefined();
      expect(data!._entities).toHaveLength(count);
      expect(data!._entities.every((h: { enrolments: Array<{ course: { name: string } }>; labourExport: unknown[] }) => h.enrolments.length === 1 && h.enrolments[0]!.course.name === 'Lớp đông' && h.labourExport.length === 1)).toBe(true);
      return subgraph.sql.count;
    };
    const ten = await statementsFor(10);
    const thousand = await statementsFor(1000);
    // enrolments, labour-export support, the courses, their enrolled counts: one statement each.
    expect(ten).toBe(4);
    expect(thousand).toBe(ten);
  });
});

describe('/health', () => {
  it('is ready while the database answers', async () => {
    const response = await fetch(subgraph.url.replace('/graphql', '/health'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ service: 'training', status: 'ok' });
  });
});
