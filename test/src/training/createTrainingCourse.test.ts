import { startTestSubgraph, testCallers, type TestSubgraph } from '@povgraph/testing';
import { todayInVietnam } from '../../../services/training/src/validation';
import { courseInput, CREATE_COURSE, recipe, tableCounts, UNITS } from '../../../services/training/test/fixtures';
import { startWithRegistry, type WithRegistry } from './withRegistry';

let env: WithRegistry;
let offline: TestSubgraph;
const centre = testCallers.trainingCentre(UNITS.district);

const daysFromToday = (days: number) => new Date(Date.parse(`${todayInVietnam()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  env = await startWithRegistry();
  offline = await startTestSubgraph(recipe);
});
afterAll(async () => {
  await env.stack.stop();
  await offline.stop();
});

describe('createTrainingCourse', () => {
  it('opens a course in a commune of the centre’s area and audits who did it', async () => {
    const { data, errors } = await env.training.client.as(centre).request(CREATE_COURSE, { input: courseInput({ name: '  Trồng và chăm sóc   cà phê ' }) });
    expect(errors).toBeUndefined();
    expect(data!.createTrainingCourse).toEqual({
      id: expect.any(String),
      name: 'Trồng và chăm sóc cà phê',
      occupation: 'Kỹ thuật trồng cà phê',
      kind: 'VOCATIONAL',
      communeCode: UNITS.communeA,
      provider: 'Trung tâm GDNN-GDTX Kông Chro',
      startsOn: '2023-03-01',
      endsOn: '2023-05-31',
      capacity: 30,
      budget: 90_000_000,
      enrolled: 0,
      seatsLeft: 30,
    });
    const audits = await env.training.dataSource.query(`SELECT * FROM audit_log WHERE entity_id = $1`, [data!.createTrainingCourse.id]);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: 'createTrainingCourse', entity_type: 'TrainingCourse', actor_subject: centre.subject, actor_role: 'TRAINING_CENTRE', before: null });
    expect(audits[0].after).toMatchObject({ name: 'Trồng và chăm sóc cà phê', communeCode: UNITS.communeA, budget: 90_000_000 });
  });

  it('keeps a budget beyond 32 bits exact', async () => {
    const { data, errors } = await env.training.client.as(centre).request(CREATE_COURSE, { input: courseInput({ kind: 'AGRICULTURAL_EXTENSION', budget: 9_007_199_254_740_991 }) });
    expect(errors).toBeUndefined();
    expect(data!.createTrainingCourse).toMatchObject({ kind: 'AGRICULTURAL_EXTENSION', budget: 9_007_199_254_740_991 });
  });

  it('accepts a course planned ahead, within a year, in a 2025 commune (province centre: districts are gone)', async () => {
    const { data, errors } = await env.training.client.as(testCallers.trainingCentre(UNITS.province)).request(CREATE_COURSE, {
      input: courseInput({ communeCode: UNITS.mergedCommune, startsOn: daysFromToday(30), endsOn: daysFromToday(120) }),
    });
    expect(errors).toBeUndefined();
    expect(data!.createTrainingCourse).toMatchObject({ communeCode: UNITS.mergedCommune, startsOn: daysFromToday(30) });
  });

  it.each([
    ['a blank name', { name: '   ' }, 'BAD_USER_INPUT', 'input.name', /The course name must not be empty/],
    ['an occupation of 201 characters', { occupation: 'x'.repeat(201) }, 'BAD_USER_INPUT', 'input.occupation', /at most 200 characters; it has 201/],
    ['a blank provider', { provider: '' }, 'BAD_USER_INPUT', 'input.provider', /The training provider must not be empty/],
    ['a district instead of a commune', { communeCode: UNITS.district }, 'BAD_USER_INPUT', 'input.communeCode', /A course is held in a commune: give the commune's 5-digit code, not 630 \(a district\)/],
    ['a commune the registry does not know', { communeCode: '99999' }, 'BAD_USER_INPUT', 'input.communeCode', /No administrative unit has code 99999/],
    ['a commune abolished before the course', { startsOn: '2025-08-01', endsOn: '2025-09-30' }, 'BAD_USER_INPUT', 'input.communeCode', /Commune 23701 \(Thị trấn Kông Chro\) existed from 2004-01-01 to 2025-06-30, not on 2025-08-01\. Use its successor: 23710\./],
    ['a commune not yet created on the start date', { communeCode: UNITS.mergedCommune }, 'BAD_USER_INPUT', 'input.communeCode', /existed from 2025-07-01, not on 2023-03-01/],
    ['an end before the start', { endsOn: '2023-02-28' }, 'BAD_USER_INPUT', 'input.endsOn', /cannot end \(2023-02-28\) before it starts \(2023-03-01\)/],
    ['a start years ahead', { startsOn: '2999-03-01', endsOn: '2999-05-01' }, 'BAD_USER_INPUT', 'input.startsOn', /at most 1 year ahead/],
    ['no seats', { capacity: 0 }, 'BAD_USER_INPUT', 'input.capacity', /The number of seats must be a whole number from 1 to 500; got 0/],
    ['501 seats', { capacity: 501 }, 'BAD_USER_INPUT', 'input.capacity', /from 1 to 500; got 501/],
  ])('refuses %s and writes nothing', async (_label, overrides, code, field, message) => {
    const before = await tableCounts(env.training.dataSource);
    const { data, errors } = await env.training.client.as(centre).request(CREATE_COURSE, { input: courseInput(overrides) });
    expect(data).toBeNull();
    expect(errors![0]!.extensions).toMatchObject({ code, field });
    expect(errors![0]!.message).toMatch(message);
    expect(await tableCounts(env.training.dataSource)).toEqual(before);
  });

  it.each([
    ['an unknown course kind', { kind: 'COOKING' }, /input\.kind/],
    ['a negative budget', { budget: -1 }, /input\.budget/],
    ['a budget with a fraction of a đồng', { budget: 1.5 }, /input\.budget/],
    ['an impossible date', { startsOn: '2023-02-30' }, /input\.startsOn/],
  ])('refuses %s before the service runs, naming the variable field', async (_label, overrides, message) => {
    const before = await tableCounts(env.training.dataSource);
    const { errors } = await env.training.client.as(centre).request(CREATE_COURSE, { input: courseInput(overrides) });
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0]!.message).toMatch(message);
    expect(await tableCounts(env.training.dataSource)).toEqual(before);
  });

  describe('who may open courses', () => {
    it.each([
      ['an analyst', testCallers.analyst(), /Only TRAINING_CENTRE staff may open training courses; you are signed in as ANALYST/],
      ['a labour office', testCallers.labourOffice(UNITS.district), /you are signed in as LABOUR_OFFICE/],
    ])('refuses %s with FORBIDDEN', async (_label, caller, message) => {
      const before = await tableCounts(env.training.dataSource);
      const { errors } = await env.training.client.as(caller).request(CREATE_COURSE, { input: courseInput() });
      expect(errors![0]!.extensions!.code).toBe('FORBIDDEN');
      expect(errors![0]!.message).toMatch(message);
      expect(await tableCounts(env.training.dataSource)).toEqual(before);
    });

    it('refuses the centre of another district', async () => {
      const before = await tableCounts(env.training.dataSource);
      const { errors } = await env.training.client.as(testCallers.trainingCentre(UNITS.otherDistrict)).request(CREATE_COURSE, { input: courseInput() });
      expect(errors![0]!.extensions!.code).toBe('FORBIDDEN');
      expect(errors![0]!.message).toBe(`You serve area 631; a course in commune ${UNITS.communeA} belongs to another area's office.`);
      expect(await tableCounts(env.training.dataSource)).toEqual(before);
    });

    it('lets the province centre open courses in its communes, and an administrator anywhere', async () => {
      const province = await env.training.client.as(testCallers.trainingCentre(UNITS.province)).request(CREATE_COURSE, { input: courseInput({ communeCode: UNITS.otherCommune }) });
      expect(province.errors).toBeUndefined();
      const admin = await env.training.client.as(testCallers.admin()).request(CREATE_COURSE, { input: courseInput({ communeCode: UNITS.communeB }) });
      expect(admin.errors).toBeUndefined();
    });

    it('refuses an anonymous caller with UNAUTHENTICATED', async () => {
      const { errors } = await env.training.client.request(CREATE_COURSE, { input: courseInput() });
      expect(errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    });
  });

  it.each([
    ['the centre of an area', centre],
    ['an administrator', testCallers.admin()],
  ])('answers UPSTREAM_UNAVAILABLE, retryable, to %s when the registry cannot be reached, and writes nothing', async (_label, caller) => {
    const before = await tableCounts(offline.dataSource);
    const { data, errors } = await offline.client.as(caller).request(CREATE_COURSE, { input: courseInput() });
    expect(data).toBeNull();
    expect(errors![0]!.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: true });
    expect(errors![0]!.message).toBe('The household registry could not be reached; nothing was written. Try again in a moment.');
    expect(await tableCounts(offline.dataSource)).toEqual(before);
  });
});
