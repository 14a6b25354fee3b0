import { testCallers } from '@povgraph/testing';
import { householdInput, insertUnits, RECORD, recipe as households, REGISTER, UNITS } from '../../services/households/test/fixtures';
import { COMPLETE, courseInput, CREATE_COURSE, ENROL, fairInput, recipe as training, RECORD_EXPORT, RECORD_FAIR } from '../../services/training/test/fixtures';
import { startTestStack, type TestStack } from './stack';

let stack: TestStack;
const clerk = testCallers.labourOffice(UNITS.district);
const centre = testCallers.trainingCentre(UNITS.district);
const analyst = testCallers.analyst();
let householdA: string;
let householdB: string;

/** Asks the gateway and fails the test on any error. */
const ok = <T = any>(caller: Parameters<TestStack['data']>[0], query: string, variables?: Record<string, unknown>): Promise<T> => stack.data<T>(caller, query, variables);

const REPORT = `query Report($code: AdminCode!) { adminUnit(code: $code) { name training(year: 2023) {
  courses vocationalCourses agriculturalExtensionCourses courseBudget trainees completed employedAfter employmentRate
  jobFairs jobFairParticipants jobFairHires labourExportWorkers labourExportSupport } } }`;

beforeAll(async () => {
  stack = await startTestStack({ households, training });
  await insertUnits(stack.subgraphs['households']!.dataSource);
  // The labour office registers two households of Kông Chro and reviews one.
  const a = await ok(clerk, REGISTER, { input: householdInput({ code: 'KC-T-1', registeredOn: '2022-02-01' }) });
  householdA = a.registerHousehold.id;
  const b = await ok(clerk, REGISTER, { input: householdInput({ code: 'KC-T-2', nationalId: null, communeCode: UNITS.communeB, registeredOn: '2022-02-01' }) });
  householdB = b.registerHousehold.id;
  await ok(clerk, RECORD, { input: { householdId: householdA, year: 2023, assessedOn: '2023-01-15', incomePerPersonMonthly: 1_200_000, lackingIndicators: ['EMPLOYMENT', 'HEALTH_INSURANCE', 'HOUSING_QUALITY'] } });
});
afterAll(() => stack.stop());

describe('training through the gateway', () => {
  it('a training centre runs a course, a job fair and labour-export support; an analyst reads them on the household and the area', async () => {
    const { createTrainingCourse: course } = await ok(centre, CREATE_COURSE, { input: courseInput({ name: 'May công nghiệp — khóa 1', capacity: 2 }) });
    expect(course).toMatchObject({ communeCode: UNITS.communeA, capacity: 2, enrolled: 0, seatsLeft: 2 });

    const { enrolTrainee: first } = await ok(centre, ENROL, { input: { courseId: course.id, householdId: householdA, traineeName: 'Đinh Thị Hoa', traineeBirthYear: 1999, enrolledOn: '2023-02-20' } });
    expect(first).toMatchObject({ communeCode: UNITS.communeA, household: { id: householdA } });
    await ok(centre, ENROL, { input: { courseId: course.id, householdId: householdB, traineeName: 'Đinh Văn Nam', enrolledOn: '2023-02-21' } });
    const full = await stack.request(centre, ENROL, { input: { courseId: course.id, householdId: householdB, traineeName: 'Đinh Văn Bắc', enrolledOn: '2023-02-22' } });
    expect(full.body.errors![0]).toMatchObject({ extensions: { code: 'CONFLICT', field: 'input.courseId' } });

    const { recordCompletion } = await ok(centre, COMPLETE, { enrolmentId: first.id, completedOn: '2023-05-31', employedAfter: true });
    expect(recordCompletion).toMatchObject({ completed: true, completedOn: '2023-05-31', employedAfter: true });
    await ok(centre, RECORD_FAIR, { input: fairInput({ communeCode: UNITS.communeB }) });
    const { recordLabourExportSupport: support } = await ok(centre, RECORD_EXPORT, {
      input: { householdId: householdA, workerName: 'Đinh Văn Thương', destinationCountry: 'Nhật Bản', departureDate: '2023-08-20', amount: 12_000_000 },
    });
    expect(support).toMatchObject({ communeCode: UNITS.communeA, household: { id: householdA } });

    const { household } = await ok(analyst, `query($id: ID!) { household(id: $id) { code status(year: 2023)
      enrolments { traineeName completed employedAfter course { name seatsLeft } }
      labourExport { workerName destinationCountry amount household { code } } } }`, { id: householdA });
    expect(household).toEqual({
      code: 'KC-T-1',
      status: 'POOR',
      enrolments: [{ traineeName: 'Đinh Thị Hoa', completed: true, employedAfter: true, course: { name: 'May công nghiệp — khóa 1', seatsLeft: 0 } }],
      labourExport: [{ workerName: 'Đinh Văn Thương', destinationCountry: 'Nhật Bản', amount: 12_000_000, household: { code: 'KC-T-1' } }],
    });

    const commune = { courses: 1, vocationalCourses: 1, agriculturalExtensionCourses: 0, courseBudget: 90_000_000, trainees: 2, completed: 1, employedAfter: 1, employmentRate: 100, jobFairs: 0, jobFairParticipants: 0, jobFairHires: 0, labourExportWorkers: 1, labourExportSupport: 12_000_000 };
    const area = { ...commune, jobFairs: 1, jobFairParticipants: 120, jobFairHires: 45 };
    expect((await ok(analyst, REPORT, { code: UNITS.communeA })).adminUnit).toEqual({ name: 'Thị trấn Kông Chro', training: commune });
    expect((await ok(analyst, REPORT, { code: UNITS.district })).adminUnit).toEqual({ name: 'Kông Chro', training: area });
    expect((await ok(analyst, REPORT, { code: UNITS.province })).adminUnit).toEqual({ name: 'Gia Lai', training: area });
  });

  it('answers one request across agencies: the district’s households with their courses, and its poverty and training figures', async () => {
    const { adminUnit } = await ok(analyst, `{ adminUnit(code: "630") {
      poverty(year: 2023) { poor }
      training(year: 2023) { trainees }
      households(first: 10) { nodes { code enrolments { course { name } } labourExport { amount } } } } }`);
    expect(adminUnit).toEqual({
      poverty: { poor: 1 },
      training: { trainees: 2 },
      households: {
        nodes: [
          { code: 'KC-T-1', enrolments: [{ course: { name: 'May công nghiệp — khóa 1' } }], labourExport: [{ amount: 12_000_000 }] },
          { code: 'KC-T-2', enrolments: [{ course: { name: 'May công nghiệp — khóa 1' } }], labourExport: [] },
        ],
      },
    });
  });

  it('passes the training subgraph’s refusals through with their code and field', async () => {
    const unknown = await stack.request(centre, ENROL, { input: { courseId: '00000000-0000-4000-8000-000000000000', householdId: householdA, traineeName: 'Ai Đó', enrolledOn: '2023-02-20' } });
    expect(unknown.body.errors![0]).toMatchObject({ extensions: { code: 'NOT_FOUND', field: 'input.courseId' } });
    const outside = await stack.request(testCallers.trainingCentre(UNITS.otherDistrict), CREATE_COURSE, { input: courseInput() });
    expect(outside.body.errors![0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: `You serve area 631; a course in commune ${UNITS.communeA} belongs to another area's office.` });
    const analystWrite = await stack.request(analyst, RECORD_FAIR, { input: fairInput() });
    expect(analystWrite.body.errors![0].extensions.code).toBe('FORBIDDEN');
  });
});
