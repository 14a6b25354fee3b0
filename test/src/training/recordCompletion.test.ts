import { startTestSubgraph, testCallers, type TestSubgraph } from '@povgraph/testing';
import { COMPLETE, ENROL, insertCourse, recipe, tableCounts, UNITS } from '../../../services/training/test/fixtures';
import { registerHousehold, startWithRegistry, type WithRegistry } from './withRegistry';

let env: WithRegistry;
let offline: TestSubgraph;
let courseId: string;
let householdId: string;
const centre = testCallers.trainingCentre(UNITS.district);

async function enrol(traineeName: string, enrolledOn = '2023-02-20'): Promise<string> {
  const { data, errors } = await env.training.client.as(centre).request(ENROL, { input: { courseId, householdId, traineeName, enrolledOn } });
  expect(errors).toBeUndefined();
  return data!.enrolTrainee.id;
}

/** Completion of an enrolment as the database holds it. */
const stored = async (id: string) =>
  (await env.training.dataSource.query(`SELECT completed, completed_on::text AS "completedOn", employed_after AS "employedAfter" FROM enrolments WHERE id = $1`, [id]))[0];

beforeAll(async () => {
  env = await startWithRegistry();
  offline = await startTestSubgraph(recipe);
  householdId = await registerHousehold(env.registry.dataSource, 'KC-C');
  // Held in commune A, 1 March – 31 May 2023.
  courseId = await insertCourse(env.training.dataSource);
});
afterAll(async () => {
  await env.stack.stop();
  await offline.stop();
});

describe('recordCompletion', () => {
  it('records that the trainee completed the course and found a job, and audits before and after', async () => {
    const id = await enrol('Ksor Thị Hiên');
    const { data, errors } = await env.training.client.as(centre).request(COMPLETE, { enrolmentId: id, completedOn: '2023-05-31', employedAfter: true });
    expect(errors).toBeUndefined();
    expect(data!.recordCompletion).toMatchObject({ id, completed: true, completedOn: '2023-05-31', employedAfter: true });
    const [audit] = await env.training.dataSource.query(`SELECT * FROM audit_log WHERE entity_id = $1 AND action = 'recordCompletion'`, [id]);
    expect(audit).toMatchObject({ entity_type: 'Enrolment', actor_subject: centre.subject });
    expect(audit.before).toMatchObject({ completed: false, completedOn: null, employedAfter: false });
    expect(audit.after).toMatchObject({ completed: true, completedOn: '2023-05-31', employedAfter: true });
  });

  it('corrects a completion when the trainee finds work later', async () => {
    const id = await enrol('Ksor Văn Hling');
    await env.training.client.as(centre).request(COMPLETE, { enrolmentId: id, completedOn: '2023-05-31', employedAfter: false });
    const { data, errors } = await env.training.client.as(centre).request(COMPLETE, { enrolmentId: id, completedOn: '2023-05-30', employedAfter: true });
    expect(errors).toBeUndefined();
    expect(data!.recordCompletion).toMatchObject({ completedOn: '2023-05-30', employedAfter: true });
    const audits = await env.training.dataSource.query(
      `SELECT before->>'employedAfter' AS before, after->>'employedAfter' AS after FROM audit_log WHERE entity_id = $1 AND action = 'recordCompletion' ORDER BY id`,
      [id],
    );
    expect(audits).toEqual([{ before: 'false', after: 'false' }, { before: 'false', after: 'true' }]);
  });

  describe('dates', () => {
    it.each([
      ['on the day the course starts', '2023-03-01'],
      ['months after the course ended', '2023-11-15'],
    ])('accepts a completion %s', async (_label, completedOn) => {
      const id = await enrol(`Học viên ${completedOn}`);
      const { errors } = await env.training.client.as(centre).request(COMPLETE, { enrolmentId: id, completedOn, employedAfter: false });
      expect(errors).toBeUndefined();
      expect(await stored(id)).toEqual({ completed: true, completedOn, employedAfter: false });
    });

    it.each([
      ['before the course starts', '2023-02-28', '2023-02-20', /The course starts on 2023-03-01; nobody can complete it on 2023-02-28/],
      ['before the trainee enrolled', '2023-03-09', '2023-03-10', /The trainee enrolled on 2023-03-10; they cannot have completed the course on 2023-03-09/],
      ['in the future', '2999-01-01', '2023-02-20', /The completion date 2999-01-01 is in the future; today is \d{4}-\d{2}-\d{2}/],
    ])('refuses a completion %s and writes nothing', async (_label, completedOn, enrolledOn, message) => {
      const id = await enrol(`Học viên ${completedOn}`, enrolledOn);
      const before = await tableCounts(env.training.dataSource);
      const { data, errors } = await env.training.client.as(centre).request(COMPLETE, { enrolmentId: id, completedOn, employedAfter: true });
      expect(data).toBeNull();
      expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'completedOn' });
      expect(errors![0]!.message).toMatch(message);
      expect(await tableCounts(env.training.dataSource)).toEqual(before);
      expect(await stored(id)).toEqual({ completed: false, completedOn: null, employedAfter: false });
    });
  });

  it.each([
    ['an unknown enrolment', '00000000-0000-4000-8000-000000000000'],
    ['a malformed id', 'not-an-id'],
  ])('refuses %s with NOT_FOUND', async (_label, enrolmentId) => {
    const { errors } = await env.training.client.as(centre).request(COMPLETE, { enrolmentId, completedOn: '2023-05-31', employedAfter: true });
    expect(errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'enrolmentId' });
    expect(errors![0]!.message).toBe(`No enrolment has id ${enrolmentId}.`);
  });

  describe('who may record completions', () => {
    it('refuses an analyst', async () => {
      const id = await enrol('Người Phân Tích');
      const { errors } = await env.training.client.as(testCallers.analyst()).request(COMPLETE, { enrolmentId: id, completedOn: '2023-05-31', employedAfter: true });
      expect(errors![0]!.extensions!.code).toBe('FORBIDDEN');
      expect(errors![0]!.message).toMatch(/Only TRAINING_CENTRE staff may record course completions/);
      expect(await stored(id)).toMatchObject({ completed: false });
    });

    it('refuses the centre of another district', async () => {
      const id = await enrol('Người Huyện Khác');
      const { errors } = await env.training.client.as(testCallers.trainingCentre(UNITS.otherDistrict)).request(COMPLETE, { enrolmentId: id, completedOn: '2023-05-31', employedAfter: true });
      expect(errors![0]!.extensions!.code).toBe('FORBIDDEN');
      expect(errors![0]!.message).toBe(`You serve area 631; recording a completion of a course in commune ${UNITS.communeA} belongs to another area's office.`);
      expect(await stored(id)).toMatchObject({ completed: false });
    });
  });

  describe('without the registry', () => {
    let offlineEnrolment: string;
    beforeAll(async () => {
      const course = await insertCourse(offline.dataSource);
      [{ id: offlineEnrolment }] = await offline.dataSource.query(
        `INSERT INTO enrolments (course_id, household_id, commune_code, trainee_name, trainee_name_key, enrolled_on)
         VALUES ($1, '00000000-0000-4000-8000-00000000000c', $2, 'Rơ Lan', 'rơ lan', '2023-02-20') RETURNING id`,
        [course, UNITS.communeA],
      );
    });

    it('answers UPSTREAM_UNAVAILABLE to the centre of an area, whose area the registry must confirm, and writes nothing', async () => {
      const before = await tableCounts(offline.dataSource);
      const { errors } = await offline.client.as(centre).request(COMPLETE, { enrolmentId: offlineEnrolment, completedOn: '2023-05-31', employedAfter: true });
      expect(errors![0]!.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: true });
      expect(await tableCounts(offline.dataSource)).toEqual(before);
    });

    it('lets an administrator record it: nothing else is asked of the registry', async () => {
      const { data, errors } = await offline.client.as(testCallers.admin()).request(COMPLETE, { enrolmentId: offlineEnrolment, completedOn: '2023-05-31', employedAfter: true });
      expect(errors).toBeUndefined();
      expect(data!.recordCompletion).toMatchObject({ completed: true, employedAfter: true });
    });
  });
});
