import { startTestSubgraph, testCallers, type TestSubgraph } from '@povgraph/testing';
import { insertCourse, recipe, UNITS } from './fixtures';

let subgraph: TestSubgraph;
const analyst = testCallers.analyst();
const HOUSEHOLD = '00000000-0000-4000-8000-0000000000aa';
let courseId: string;

interface CoursePage {
  totalCount: number;
  nodes: Array<{ id: string; startsOn: string; communeCode: string }>;
  edges: Array<{ cursor: string; node: { id: string } }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const PAGE = `query Courses($communeCode: AdminCode, $year: Int, $first: Int, $after: String) {
  trainingCourses(communeCode: $communeCode, year: $year, first: $first, after: $after) {
    totalCount nodes { id startsOn communeCode } edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`;

beforeAll(async () => {
  subgraph = await startTestSubgraph(recipe);
  courseId = await insertCourse(subgraph.dataSource, { name: 'Lớp may công nghiệp', capacity: 25 });
  await subgraph.dataSource.query(
    `INSERT INTO enrolments (course_id, household_id, commune_code, trainee_name, trainee_name_key, enrolled_on, completed, completed_on, employed_after)
     VALUES ($1, $2, $3, 'Rơ Mah Hlin', 'rơ mah hlin', '2023-02-20', true, '2023-05-31', true),
            ($1, $2, $3, 'Rơ Mah Bla', 'rơ mah bla', '2023-02-21', false, NULL, false)`,
    [courseId, HOUSEHOLD, UNITS.communeA],
  );
  // Nine more: three a year 2022–2024 in commune A (two on one day), two in commune B.
  for (const [startsOn, communeCode] of [
    ['2022-03-01', UNITS.communeA], ['2022-03-01', UNITS.communeA], ['2022-09-01', UNITS.communeA],
    ['2023-06-01', UNITS.communeA], ['2023-10-01', UNITS.communeA], ['2024-01-15', UNITS.communeA], ['2024-04-01', UNITS.communeA],
    ['2023-03-01', UNITS.communeB], ['2024-03-01', UNITS.communeB],
  ]) {
    await insertCourse(subgraph.dataSource, { startsOn: startsOn!, endsOn: '2024-12-31', communeCode: communeCode! });
  }
});
afterAll(() => subgraph.stop());

describe('trainingCourse', () => {
  it('answers a course with its trainees, the enrolled count and the seats left', async () => {
    const { data, errors } = await subgraph.client.as(analyst).request(`query($id: ID!) { trainingCourse(id: $id) {
      name kind capacity enrolled seatsLeft enrolments { traineeName completed completedOn employedAfter household { id } course { name } } } }`, { id: courseId });
    expect(errors).toBeUndefined();
    expect(data!.trainingCourse).toEqual({
      name: 'Lớp may công nghiệp', kind: 'VOCATIONAL', capacity: 25, enrolled: 2, seatsLeft: 23,
      enrolments: [
        { traineeName: 'Rơ Mah Hlin', completed: true, completedOn: '2023-05-31', employedAfter: true, household: { id: HOUSEHOLD }, course: { name: 'Lớp may công nghiệp' } },
        { traineeName: 'Rơ Mah Bla', completed: false, completedOn: null, employedAfter: false, household: { id: HOUSEHOLD }, course: { name: 'Lớp may công nghiệp' } },
      ],
    });
  });

  it.each([['an unknown id', '00000000-0000-4000-8000-000000000000'], ['a malformed id', 'nope']])('answers null for %s', async (_label, id) => {
    const { data, errors } = await subgraph.client.as(analyst).request(`query($id: ID!) { trainingCourse(id: $id) { id } jobFair(id: $id) { id } }`, { id });
    expect(errors).toBeUndefined();
    expect(data).toEqual({ trainingCourse: null, jobFair: null });
  });
});

describe('trainingCourses', () => {
  it.each([
    [1, 10],
    [3, 4],
  ])('walks every course in pages of %i (%i pages), by start date then id, without gaps or repeats', async (first, expectedPages) => {
    // Two pairs of courses start on the same day: pages of 1 cut between them.
    const expected: Array<{ id: string }> = await subgraph.dataSource.query(`SELECT id FROM training_courses ORDER BY starts_on, id`);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const { data, errors } = await subgraph.client.as(analyst).request<{ trainingCourses: CoursePage }>(PAGE, { first, after });
      expect(errors).toBeUndefined();
      const page: CoursePage = data!.trainingCourses;
      expect(page.totalCount).toBe(10);
      expect(page.edges.map((edge) => edge.node.id)).toEqual(page.nodes.map((node) => node.id));
      seen.push(...page.nodes.map((node) => node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(expectedPages);
    expect(seen).toEqual(expected.map((row) => row.id));
  });

  it('filters by commune and by the year the course starts', async () => {
    const { data } = await subgraph.client.as(analyst).request(PAGE, { communeCode: UNITS.communeA, year: 2023 });
    expect(data!.trainingCourses.totalCount).toBe(3);
    expect(data!.trainingCourses.nodes.map((node: { startsOn: string }) => node.startsOn)).toEqual(['2023-03-01', '2023-06-01', '2023-10-01']);
    expect(data!.trainingCourses.pageInfo).toEqual({ hasNextPage: false, endCursor: expect.any(String) });
    const { data: byYear } = await subgraph.client.as(analyst).request(PAGE, { year: 2024 });
    expect(byYear!.trainingCourses.totalCount).toBe(3);
  });

  it.each([
    ['a page of 0', { first: 0 }, 'first', /Page size must be from 1 to 1000; got 0/],
    ['a page of 1001', { first: 1001 }, 'first', /from 1 to 1000; got 1001/],
    ['a year before 2000', { year: 1999 }, 'year', /The year must be a whole number from 2000 to 2100; got 1999/],
    ['a district instead of a commune', { communeCode: UNITS.district }, 'communeCode', /give the commune's 5-digit code, not 630/],
    ['a cursor it never gave out', { after: 'bm90LWEtY3Vyc29y' }, 'after', /The cursor is not one this service gave out/],
  ])('refuses %s', async (_label, variables, field, message) => {
    const { errors } = await subgraph.client.as(analyst).request(PAGE, variables);
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(errors![0]!.message).toMatch(message);
  });

  it('refuses an anonymous reader', async () => {
    const { errors } = await subgraph.client.request(PAGE, {});
    expect(errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });
});
