import { startTestSubgraph, testCallers, type TestSubgraph } from '@povgraph/testing';
import { fairInput, recipe, RECORD_FAIR, tableCounts, UNITS } from '../../../services/training/test/fixtures';
import { startWithRegistry, type WithRegistry } from './withRegistry';

let env: WithRegistry;
let offline: TestSubgraph;
const centre = testCallers.trainingCentre(UNITS.district);

beforeAll(async () => {
  env = await startWithRegistry();
  offline = await startTestSubgraph(recipe);
});
afterAll(async () => {
  await env.stack.stop();
  await offline.stop();
});

describe('recordJobFair', () => {
  it('records a job fair in a commune of the centre’s area and audits it', async () => {
    const { data, errors } = await env.training.client.as(centre).request(RECORD_FAIR, { input: fairInput() });
    expect(errors).toBeUndefined();
    expect(data!.recordJobFair).toEqual({
      id: expect.any(String),
      communeCode: UNITS.communeA,
      heldOn: '2023-09-12',
      organiser: 'Trung tâm Dịch vụ việc làm Gia Lai',
      participants: 120,
      employers: 8,
      jobsOffered: 300,
      peopleHired: 45,
    });
    const [audit] = await env.training.dataSource.query(`SELECT * FROM audit_log WHERE entity_id = $1`, [data!.recordJobFair.id]);
    expect(audit).toMatchObject({ action: 'recordJobFair', entity_type: 'JobFair', actor_subject: centre.subject, before: null });
    expect(audit.after).toMatchObject({ participants: 120, peopleHired: 45 });
    const { data: read } = await env.training.client.as(testCallers.analyst()).request(`query($id: ID!) { jobFair(id: $id) { organiser participants } }`, { id: data!.recordJobFair.id });
    expect(read!.jobFair).toEqual({ organiser: 'Trung tâm Dịch vụ việc làm Gia Lai', participants: 120 });
  });

  it('accepts a fair where nobody was hired yet', async () => {
    const { errors } = await env.training.client.as(centre).request(RECORD_FAIR, { input: fairInput({ heldOn: '2023-10-01', peopleHired: 0, jobsOffered: 0 }) });
    expect(errors).toBeUndefined();
  });

  it.each([
    ['more people hired than took part', { peopleHired: 121 }, 'BAD_USER_INPUT', 'input.peopleHired', /121 people hired is more than the 120 participants/],
    ['more people hired than jobs offered', { jobsOffered: 40 }, 'BAD_USER_INPUT', 'input.peopleHired', /45 people hired is more than the 40 jobs offered/],
    ['a negative participant count', { participants: -1 }, 'BAD_USER_INPUT', 'input.participants', /The number of participants must be a whole number from 0 to 1000000; got -1/],
    ['a negative employer count', { employers: -2 }, 'BAD_USER_INPUT', 'input.employers', /from 0 to 100000; got -2/],
    ['a blank organiser', { organiser: ' ' }, 'BAD_USER_INPUT', 'input.organiser', /The organiser must not be empty/],
    ['a date in the future', { heldOn: '2999-01-01' }, 'BAD_USER_INPUT', 'input.heldOn', /The date of the fair 2999-01-01 is in the future/],
    ['a province instead of a commune', { communeCode: UNITS.province }, 'BAD_USER_INPUT', 'input.communeCode', /A job fair is held in a commune: give the commune's 5-digit code, not 64 \(a province\)/],
    ['a commune the registry does not know', { communeCode: '99999' }, 'BAD_USER_INPUT', 'input.communeCode', /No administrative unit has code 99999/],
    ['a commune abolished before the fair', { heldOn: '2025-07-15' }, 'BAD_USER_INPUT', 'input.communeCode', /existed from 2004-01-01 to 2025-06-30, not on 2025-07-15\. Use its successor: 23710\./],
    ['the same fair a second time, however the organiser is spelt', { organiser: '  trung tâm dịch vụ việc làm GIA LAI ' }, 'CONFLICT', 'input.organiser', /A job fair by trung tâm dịch vụ việc làm GIA LAI in commune 23701 on 2023-09-12 is already recorded/],
  ])('refuses %s and writes nothing', async (_label, overrides, code, field, message) => {
    const before = await tableCounts(env.training.dataSource);
    const { data, errors } = await env.training.client.as(centre).request(RECORD_FAIR, { input: fairInput(overrides) });
    expect(data).toBeNull();
    expect(errors![0]!.extensions).toMatchObject({ code, field });
    expect(errors![0]!.message).toMatch(message);
    expect(await tableCounts(env.training.dataSource)).toEqual(before);
  });

  describe('who may record fairs', () => {
    it('refuses a bank officer', async () => {
      const before = await tableCounts(env.training.dataSource);
      const { errors } = await env.training.client.as(testCallers.bankOfficer(UNITS.district)).request(RECORD_FAIR, { input: fairInput({ heldOn: '2023-11-01' }) });
      expect(errors![0]!.extensions!.code).toBe('FORBIDDEN');
      expect(errors![0]!.message).toMatch(/Only TRAINING_CENTRE staff may record job fairs; you are signed in as BANK_OFFICER/);
      expect(await tableCounts(env.training.dataSource)).toEqual(before);
    });

    it('refuses the centre of another district', async () => {
      const before = await tableCounts(env.training.dataSource);
      const { errors } = await env.training.client.as(testCallers.trainingCentre(UNITS.otherDistrict)).request(RECORD_FAIR, { input: fairInput({ heldOn: '2023-11-01' }) });
      expect(errors![0]!.extensions!.code).toBe('FORBIDDEN');
      expect(errors![0]!.message).toBe(`You serve area 631; a job fair in commune ${UNITS.communeA} belongs to another area's office.`);
      expect(await tableCounts(env.training.dataSource)).toEqual(before);
    });

    it('lets an administrator record a fair anywhere', async () => {
      const { errors } = await env.training.client.as(testCallers.admin()).request(RECORD_FAIR, { input: fairInput({ communeCode: UNITS.otherCommune }) });
      expect(errors).toBeUndefined();
    });
  });

  it('answers UPSTREAM_UNAVAILABLE, retryable, when the registry cannot be reached, and writes nothing', async () => {
    const before = await tableCounts(offline.dataSource);
    const { data, errors } = await offline.client.as(centre).request(RECORD_FAIR, { input: fairInput() });
    expect(data).toBeNull();
    expect(errors![0]!.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: true });
    expect(await tableCounts(offline.dataSource)).toEqual(before);
  });
});
