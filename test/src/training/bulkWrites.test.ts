import { GraphClient } from '@povgraph/graph-client';
import { createLogger, type BaseContext } from '@povgraph/subgraph-kit';
import { TEST_INTERNAL_SECRET, testCallers } from '@povgraph/testing';
import { createServices, type Services } from '../../../services/training/src/services';
import type { CreateTrainingCourseInput } from '../../../services/training/src/generated/resolvers';
import { courseInput as untypedCourseInput, fairInput, tableCounts, UNITS } from '../../../services/training/test/fixtures';
import { registerHousehold, startWithRegistry, type WithRegistry } from './withRegistry';

let env: WithRegistry;
let services: Services;
let householdA: string;
let householdB: string;
let lateHousehold: string;
/** The fixtures' course, typed as the service takes it. */
const courseInput = (overrides: Record<string, unknown> = {}) => untypedCourseInput(overrides) as CreateTrainingCourseInput;
const admin: BaseContext = { caller: testCallers.admin(), requestId: 'bulk-test', logger: createLogger('bulk-test', 'silent') };
const centre: BaseContext = { ...admin, caller: testCallers.trainingCentre(UNITS.district) };

/** Runs `write`, expects it refused with `code` on `field`, and that nothing was written. */
async function expectRefused(write: () => Promise<unknown>, code: string, field: string | null, message?: RegExp) {
  const before = await tableCounts(env.training.dataSource);
  const refusal = await write().then(
    () => null,
    (error: unknown) => error as { message: string; extensions: { code: string; field?: string } },
  );
  expect(refusal).not.toBeNull();
  expect(refusal!.extensions).toMatchObject(field === null ? { code } : { code, field });
  if (message) expect(refusal!.message).toMatch(message);
  expect(await tableCounts(env.training.dataSource)).toEqual(before);
}

beforeAll(async () => {
  env = await startWithRegistry();
  services = createServices(env.training.dataSource, new GraphClient({ gatewayUrl: env.stack.gateway.url, internalSecret: TEST_INTERNAL_SECRET }));
  householdA = await registerHousehold(env.registry.dataSource, 'KC-BULK-A');
  householdB = await registerHousehold(env.registry.dataSource, 'KC-BULK-B', UNITS.communeB);
  lateHousehold = await registerHousehold(env.registry.dataSource, 'KC-BULK-LATE', UNITS.communeA, '2023-04-01');
});
afterAll(() => env.stack.stop());

describe('bulk writes (the demo dataset’s path; each single mutation is a batch of one)', () => {
  it('opens many courses in one transaction, one audit row each by default', async () => {
    const courses = await services.courses.createMany(centre, [courseInput({ name: 'Khóa A' }), courseInput({ name: 'Khóa B', communeCode: UNITS.communeB })]);
    expect(courses.map((course) => [course.name, course.communeCode])).toEqual([['Khóa A', UNITS.communeA], ['Khóa B', UNITS.communeB]]);
    const audit = await env.training.dataSource.query(`SELECT entity_id FROM audit_log WHERE action = 'createTrainingCourse' AND entity_id = ANY($1)`, [courses.map((c) => c.id)]);
    expect(audit).toHaveLength(2);
  });

  it.each([
    ['a commune the registry does not know', [courseInput(), courseInput({ communeCode: '99999' })], 'BAD_USER_INPUT', 'inputs.1.communeCode', /No administrative unit has code 99999/],
    ['a commune abolished before the course', [courseInput(), courseInput(), courseInput({ startsOn: '2025-08-01', endsOn: '2025-09-30' })], 'BAD_USER_INPUT', 'inputs.2.communeCode', /Use its successor: 23710/],
    ['an end before the start', [courseInput({ endsOn: '2023-02-01' })], 'BAD_USER_INPUT', 'inputs.0.endsOn', /cannot end/],
  ])('refuses a batch of courses with %s, naming the item', async (_label, inputs, code, field, message) => {
    await expectRefused(() => services.courses.createMany(centre, inputs as never), code, field, message);
  });

  it('refuses courses outside the centre’s area', async () => {
    const otherCentre = { ...admin, caller: testCallers.trainingCentre(UNITS.otherDistrict) };
    await expectRefused(() => services.courses.createMany(otherCentre, [courseInput()]), 'FORBIDDEN', null, /belongs to another area's office/);
  });

  describe('enrolMany', () => {
    let courseId: string;
    beforeAll(async () => {
      courseId = (await services.courses.createMany(admin, [courseInput({ name: 'Lớp hai chỗ', capacity: 2 })]))[0]!.id;
    });
    const trainee = (overrides: Record<string, unknown> = {}) => ({ courseId, householdId: householdA, traineeName: 'Đinh Văn Blơi', traineeBirthYear: 1990, enrolledOn: '2023-02-20', ...overrides });

    it.each([
      ['more trainees than seats', () => [trainee(), trainee({ traineeName: 'Đinh Thị Hoa' }), trainee({ householdId: householdB })], 'CONFLICT', 'inputs.2.courseId', /is full: all 2 seats are taken/],
      ['one member twice', () => [trainee(), trainee({ traineeName: ' đinh văn  blơi ' })], 'CONFLICT', 'inputs.1.traineeName', /already enrolled/],
      ['an unknown household', () => [trainee(), trainee({ householdId: '00000000-0000-4000-8000-000000000000' })], 'NOT_FOUND', 'inputs.1.householdId', /no household with id/],
      ['an enrolment before the household was registered', () => [trainee(), trainee({ householdId: lateHousehold })], 'BAD_USER_INPUT', 'inputs.1.enrolledOn', /registered on 2023-04-01/],
      ['an unknown course', () => [trainee({ courseId: '00000000-0000-4000-8000-000000000000' })], 'NOT_FOUND', 'inputs.0.courseId', /No training course/],
    ])('refuses the whole batch for %s, naming the item', async (_label, inputs, code, field, message) => {
      await expectRefused(() => services.enrolments.enrolMany(centre, inputs()), code, field, message);
    });

    it('enrols a batch, then refuses a member already enrolled', async () => {
      const saved = await services.enrolments.enrolMany(centre, [trainee(), trainee({ householdId: householdB })]);
      expect(saved.map((e) => e.communeCode)).toEqual([UNITS.communeA, UNITS.communeB]);
      await expectRefused(() => services.enrolments.enrolMany(admin, [trainee({ traineeName: 'Đinh Văn Blơi' })]), 'CONFLICT', 'inputs.0.courseId');
    });

    it('records completions in one statement, refusing a batch with one impossible date', async () => {
      const enrolments: Array<{ id: string }> = await env.training.dataSource.query('SELECT id FROM enrolments WHERE course_id = $1 ORDER BY id', [courseId]);
      await expectRefused(
        () => services.enrolments.recordCompletions(centre, [{ enrolmentId: enrolments[0]!.id, completedOn: '2023-05-31', employedAfter: true }, { enrolmentId: enrolments[1]!.id, completedOn: '2023-01-01', employedAfter: false }]),
        'BAD_USER_INPUT',
        'inputs.1.completedOn',
        /course starts on 2023-03-01/,
      );
      env.training.sql.reset();
      const done = await services.enrolments.recordCompletions(centre, enrolments.map((e, i) => ({ enrolmentId: e.id, completedOn: '2023-05-31', employedAfter: i === 0 })));
      expect(done.map((e) => [e.completed, e.completedOn, e.employedAfter])).toEqual([[true, '2023-05-31', true], [true, '2023-05-31', false]]);
      expect(env.training.sql.statements.filter((sql) => /^\s*UPDATE enrolments/.test(sql))).toHaveLength(1);
    });
  });

  it('costs the same number of SQL statements for 2 trainees as for 20', async () => {
    const [big] = await services.courses.createMany(admin, [courseInput({ name: 'Lớp lớn', capacity: 100 })]);
    const households = await Promise.all(Array.from({ length: 20 }, (_, i) => registerHousehold(env.registry.dataSource, `KC-BULK-${i}`)));
    const statementsFor = async (ids: string[], tag: string) => {
      env.training.sql.reset();
      await services.enrolments.enrolMany(admin, ids.map((householdId) => ({ courseId: big!.id, householdId, traineeName: `Học viên ${tag}`, enrolledOn: '2023-02-20' })));
      return env.training.sql.count;
    };
    expect(await statementsFor(households.slice(0, 20), 'B')).toBe(await statementsFor(households.slice(0, 2), 'A'));
  });

  it('refuses a batch of fairs with one impossible figure, and a batch of supports with one departure before registration', async () => {
    await expectRefused(() => services.jobFairs.recordMany(centre, [fairInput(), fairInput({ peopleHired: 500, participants: 100 })]), 'BAD_USER_INPUT', 'inputs.1.peopleHired');
    await expectRefused(() => services.jobFairs.recordMany(centre, [fairInput(), fairInput({ organiser: ' trung tâm dịch vụ việc làm gia lai ' })]), 'CONFLICT', 'inputs.1.organiser');
    const support = (overrides: Record<string, unknown> = {}) => ({ householdId: householdA, workerName: 'Đinh Văn Thương', destinationCountry: 'Nhật Bản', departureDate: '2023-08-20', amount: 72_000_000, ...overrides });
    await expectRefused(() => services.labourExport.recordMany(centre, [support(), support({ householdId: lateHousehold, departureDate: '2023-03-01' })]), 'BAD_USER_INPUT', 'inputs.1.departureDate', /registered on 2023-04-01/);
    const saved = await services.labourExport.recordMany(centre, [support(), support({ householdId: householdB, destinationCountry: 'Hàn Quốc' })]);
    expect(saved.map((s) => [s.communeCode, s.amount])).toEqual([[UNITS.communeA, 72_000_000], [UNITS.communeB, 72_000_000]]);
  });
});
