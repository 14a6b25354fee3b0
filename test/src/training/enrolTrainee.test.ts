import { startTestSubgraph, testCallers, type TestSubgraph } from '@povgraph/testing';
import { ENROL, insertCourse, recipe, tableCounts, UNITS } from '../../../services/training/test/fixtures';
import { registerHousehold, startWithRegistry, type WithRegistry } from './withRegistry';

let env: WithRegistry;
let offline: TestSubgraph;
let courseId: string;
let householdA: string;
let householdB: string;
let lateHousehold: string;
const centre = testCallers.trainingCentre(UNITS.district);

const enrolment = (overrides: Record<string, unknown> = {}) => ({
  courseId,
  householdId: householdA,
  traineeName: 'Đinh Văn Blơng',
  traineeBirthYear: 1995,
  enrolledOn: '2023-02-20',
  ...overrides,
});

beforeAll(async () => {
  env = await startWithRegistry();
  offline = await startTestSubgraph(recipe);
  householdA = await registerHousehold(env.registry.dataSource, 'KC-A');
  householdB = await registerHousehold(env.registry.dataSource, 'KC-B', UNITS.communeB);
  lateHousehold = await registerHousehold(env.registry.dataSource, 'KC-LATE', UNITS.communeA, '2023-04-01');
  // Held in commune A, 1 March – 31 May 2023.
  courseId = await insertCourse(env.training.dataSource, { capacity: 30 });
});
afterAll(async () => {
  await env.stack.stop();
  await offline.stop();
});

describe('enrolTrainee', () => {
  it('enrols a household member, takes the household’s commune from the registry, and audits it', async () => {
    const { data, errors } = await env.training.client.as(centre).request(ENROL, { input: enrolment({ householdId: householdB, traineeName: ' Rơ Châm  Hyưu ' }) });
    expect(errors).toBeUndefined();
    expect(data!.enrolTrainee).toEqual({
      id: expect.any(String),
      traineeName: 'Rơ Châm Hyưu',
      traineeBirthYear: 1995,
      enrolledOn: '2023-02-20',
      completed: false,
      completedOn: null,
      employedAfter: false,
      communeCode: UNITS.communeB,
      household: { id: householdB },
      course: { id: courseId, name: 'Trồng và chăm sóc cà phê' },
    });
    const [audit] = await env.training.dataSource.query(`SELECT * FROM audit_log WHERE entity_id = $1`, [data!.enrolTrainee.id]);
    expect(audit).toMatchObject({ action: 'enrolTrainee', entity_type: 'Enrolment', actor_subject: centre.subject, before: null });
    expect(audit.after).toMatchObject({ courseId, householdId: householdB, traineeName: 'Rơ Châm Hyưu', communeCode: UNITS.communeB });
  });

  it('takes a trainee without a known year of birth', async () => {
    const { data, errors } = await env.training.client.as(centre).request(ENROL, { input: enrolment({ traineeName: 'Đinh Thị Mai', traineeBirthYear: null }) });
    expect(errors).toBeUndefined();
    expect(data!.enrolTrainee).toMatchObject({ traineeBirthYear: null, communeCode: UNITS.communeA });
  });

  describe('capacity', () => {
    it('fills the last seat, then refuses the next trainee with CONFLICT and writes nothing', async () => {
      const small = await insertCourse(env.training.dataSource, { name: 'Lớp nhỏ', capacity: 2 });
      for (const name of ['Học viên Một', 'Học viên Hai']) {
        const { errors } = await env.training.client.as(centre).request(ENROL, { input: enrolment({ courseId: small, traineeName: name }) });
        expect(errors).toBeUndefined();
      }
      const { data: full } = await env.training.client.as(centre).request(`{ trainingCourse(id: "${small}") { enrolled seatsLeft } }`);
      expect(full!.trainingCourse).toEqual({ enrolled: 2, seatsLeft: 0 });

      const before = await tableCounts(env.training.dataSource);
      const { data, errors } = await env.training.client.as(centre).request(ENROL, { input: enrolment({ courseId: small, traineeName: 'Học viên Ba' }) });
      expect(data).toBeNull();
      expect(errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.courseId' });
      expect(errors![0]!.message).toBe('Course “Lớp nhỏ” is full: all 2 seats are taken. Enrol the trainee in another course.');
      expect(await tableCounts(env.training.dataSource)).toEqual(before);
    });

    it('never lets two clerks take the same last seat', async () => {
      const course = await insertCourse(env.training.dataSource, { name: 'Lớp ba chỗ', capacity: 3 });
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, i) => env.training.client.as(centre).request(ENROL, { input: enrolment({ courseId: course, traineeName: `Học viên ${i}` }) })),
      );
      // 30 at once reliably overlaps: without the row lock, about a dozen get in.
      expect(results.filter((result) => !result.errors).length).toBe(3);
      const refusals = results.filter((result) => result.errors);
      expect(refusals.length).toBe(27);
      for (const refusal of refusals) expect(refusal.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.courseId' });
      const [{ n }] = await env.training.dataSource.query(`SELECT count(*)::int AS n FROM enrolments WHERE course_id = $1`, [course]);
      expect(n).toBe(3);
    });
  });

  describe('the same trainee twice', () => {
    it('refuses a second enrolment of one household member in one course, however the name is spelt', async () => {
      const first = await env.training.client.as(centre).request(ENROL, { input: enrolment({ traineeName: 'Đinh Thị Hoa' }) });
      expect(first.errors).toBeUndefined();
      const before = await tableCounts(env.training.dataSource);
      for (const spelling of ['Đinh Thị Hoa', '  ĐINH thị   HOA ', 'Đinh Thi\u0323 Hoa']) {
        const { data, errors } = await env.training.client.as(centre).request(ENROL, { input: enrolment({ traineeName: spelling }) });
        expect(data).toBeNull();
        expect(errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.traineeName' });
        expect(errors![0]!.message).toMatch(/of this household is already enrolled in course “Trồng và chăm sóc cà phê”/);
      }
      expect(await tableCounts(env.training.dataSource)).toEqual(before);
    });

    it('takes the same name from another household, another name from the same household, and the same person in another course', async () => {
      const other = await insertCourse(env.training.dataSource, { name: 'Lớp khác' });
      for (const input of [
        enrolment({ traineeName: 'Đinh Thị Hoa', householdId: householdB }),
        enrolment({ traineeName: 'Đinh Thị Hòa' }),
        enrolment({ traineeName: 'Đinh Thị Hoa', courseId: other }),
      ]) {
        const { errors } = await env.training.client.as(centre).request(ENROL, { input });
        expect(errors).toBeUndefined();
      }
    });

    it('lets only one of simultaneous double submissions through', async () => {
      const results = await Promise.all(
        Array.from({ length: 5 }, () => env.training.client.as(centre).request(ENROL, { input: enrolment({ traineeName: 'Siu Thị Nhung' }) })),
      );
      expect(results.filter((result) => !result.errors)).toHaveLength(1);
      for (const refusal of results.filter((result) => result.errors)) expect(refusal.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.traineeName' });
    });
  });

  it.each([
    ['a household the registry does not know', () => ({ householdId: '00000000-0000-4000-8000-000000000000' }), 'NOT_FOUND', 'input.householdId', /The household registry has no household with id 00000000-0000-4000-8000-000000000000/],
    ['a malformed household id', () => ({ householdId: 'KC-A' }), 'NOT_FOUND', 'input.householdId', /no household with id KC-A/],
    ['an unknown course', () => ({ courseId: '00000000-0000-4000-8000-000000000000' }), 'NOT_FOUND', 'input.courseId', /No training course has id/],
    ['a blank name', () => ({ traineeName: ' ' }), 'BAD_USER_INPUT', 'input.traineeName', /The trainee’s name must not be empty/],
    ['a trainee of 13', () => ({ traineeBirthYear: 2010 }), 'BAD_USER_INPUT', 'input.traineeBirthYear', /enrolled in 2023 must be born from 1923 to 2009 \(at least 14 years old\); got 2010/],
    ['an enrolment date in the future', () => ({ enrolledOn: '2999-01-01' }), 'BAD_USER_INPUT', 'input.enrolledOn', /2999-01-01 is in the future/],
    ['an enrolment after the course ended', () => ({ enrolledOn: '2023-06-01' }), 'BAD_USER_INPUT', 'input.enrolledOn', /The course ended on 2023-05-31; nobody can enrol on 2023-06-01/],
    ['an enrolment before the household was registered', () => ({ householdId: lateHousehold, enrolledOn: '2023-03-31' }), 'BAD_USER_INPUT', 'input.enrolledOn', /The household was registered on 2023-04-01; it cannot have a trainee enrolled on 2023-03-31/],
  ])('refuses %s and writes nothing', async (_label, overrides, code, field, message) => {
    const before = await tableCounts(env.training.dataSource);
    const { data, errors } = await env.training.client.as(centre).request(ENROL, { input: enrolment({ traineeName: 'Người Mới', ...overrides() }) });
    expect(data).toBeNull();
    expect(errors![0]!.extensions).toMatchObject({ code, field });
    expect(errors![0]!.message).toMatch(message);
    expect(await tableCounts(env.training.dataSource)).toEqual(before);
  });

  describe('who may enrol', () => {
    it.each([
      ['an analyst', testCallers.analyst(), /Only TRAINING_CENTRE staff may enrol trainees; you are signed in as ANALYST/],
      ['a housing board', testCallers.housingBoard(UNITS.district), /you are signed in as HOUSING_BOARD/],
    ])('refuses %s with FORBIDDEN', async (_label, caller, message) => {
      const before = await tableCounts(env.training.dataSource);
      const { errors } = await env.training.client.as(caller).request(ENROL, { input: enrolment({ traineeName: 'Người Lạ' }) });
      expect(errors![0]!.extensions!.code).toBe('FORBIDDEN');
      expect(errors![0]!.message).toMatch(message);
      expect(await tableCounts(env.training.dataSource)).toEqual(before);
    });

    it('refuses the centre of another district, checking the commune where the course is held', async () => {
      const before = await tableCounts(env.training.dataSource);
      const { errors } = await env.training.client.as(testCallers.trainingCentre(UNITS.otherDistrict)).request(ENROL, { input: enrolment({ traineeName: 'Người Lạ' }) });
      expect(errors![0]!.extensions!.code).toBe('FORBIDDEN');
      expect(errors![0]!.message).toBe(`You serve area 631; enrolling a trainee in a course in commune ${UNITS.communeA} belongs to another area's office.`);
      expect(await tableCounts(env.training.dataSource)).toEqual(before);
    });

    it('lets the province centre and an administrator enrol', async () => {
      const province = await env.training.client.as(testCallers.trainingCentre(UNITS.province)).request(ENROL, { input: enrolment({ traineeName: 'Tỉnh Ghi Danh' }) });
      expect(province.errors).toBeUndefined();
      const admin = await env.training.client.as(testCallers.admin()).request(ENROL, { input: enrolment({ traineeName: 'Quản Trị Ghi Danh' }) });
      expect(admin.errors).toBeUndefined();
    });
  });

  it.each([
    ['the centre of an area', centre],
    ['an administrator', testCallers.admin()],
  ])('answers UPSTREAM_UNAVAILABLE, retryable, to %s when the registry cannot be reached, and writes nothing', async (_label, caller) => {
    const offlineCourse = await insertCourse(offline.dataSource);
    const before = await tableCounts(offline.dataSource);
    const { data, errors } = await offline.client.as(caller).request(ENROL, { input: enrolment({ courseId: offlineCourse }) });
    expect(data).toBeNull();
    expect(errors![0]!.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: true });
    expect(errors![0]!.message).toBe('The household registry could not be reached; nothing was written. Try again in a moment.');
    expect(await tableCounts(offline.dataSource)).toEqual(before);
  });
});
