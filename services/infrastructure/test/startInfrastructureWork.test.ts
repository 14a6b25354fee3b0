import { startTestSubgraph, testCallers, type TestSubgraph } from '@povgraph/testing';
import { insertProject, recipe, START, tableCounts } from './fixtures';

let subgraph: TestSubgraph;
const admin = testCallers.admin();

beforeAll(async () => {
  subgraph = await startTestSubgraph(recipe);
});
afterAll(() => subgraph.stop());

describe('startInfrastructureWork', () => {
  it('moves an approved work under construction and audits who did it', async () => {
    const id = await insertProject(subgraph.dataSource, { communes: ['23701'] });
    const { data, errors } = await subgraph.client.as(admin).request(START, { id, startedOn: '2023-04-15' });
    expect(errors).toBeUndefined();
    expect(data!.startInfrastructureWork).toMatchObject({ id, status: 'UNDER_CONSTRUCTION', approvedOn: '2023-03-01', startedOn: '2023-04-15', completedOn: null });
    const [audit] = await subgraph.dataSource.query(`SELECT * FROM audit_log WHERE entity_id = $1`, [id]);
    expect(audit).toMatchObject({ action: 'startInfrastructureWork', entity_type: 'InfrastructureProject', actor_subject: admin.subject, actor_role: 'ADMIN' });
    expect(audit.before).toMatchObject({ status: 'APPROVED', startedOn: null });
    expect(audit.after).toMatchObject({ status: 'UNDER_CONSTRUCTION', startedOn: '2023-04-15' });
  });

  it('may start on the day of the approval', async () => {
    const id = await insertProject(subgraph.dataSource, { communes: ['23701'] });
    const { data, errors } = await subgraph.client.as(admin).request(START, { id, startedOn: '2023-03-01' });
    expect(errors).toBeUndefined();
    expect(data!.startInfrastructureWork.startedOn).toBe('2023-03-01');
  });

  it.each([
    ['a start before the approval', { startedOn: '2023-02-28' }, 'BAD_USER_INPUT', 'startedOn', /The start date 2023-02-28 is before the approval of work “.*” on 2023-03-01\./],
    ['a start in the future', { startedOn: '2999-01-01' }, 'BAD_USER_INPUT', 'startedOn', /The start date 2999-01-01 is in the future; today is/],
    ['an unknown work', { id: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND', 'id', /No Dự án 1 work has id 00000000-0000-4000-8000-000000000000/],
    ['an id that is not one', { id: 'road-1' }, 'NOT_FOUND', 'id', /No Dự án 1 work has id road-1/],
  ])('refuses %s and writes nothing', async (_label, overrides, code, field, message) => {
    const id = await insertProject(subgraph.dataSource, { communes: ['23701'] });
    const before = await tableCounts(subgraph.dataSource);
    const { data, errors } = await subgraph.client.as(admin).request(START, { id, startedOn: '2023-04-01', ...overrides });
    expect(data).toBeNull();
    expect(errors![0]!.extensions).toMatchObject({ code, field });
    expect(errors![0]!.message).toMatch(message);
    expect(await tableCounts(subgraph.dataSource)).toEqual(before);
  });

  it.each([
    ['UNDER_CONSTRUCTION', ['COMPLETED', 'CANCELLED'], 'from UNDER_CONSTRUCTION it may only become COMPLETED or CANCELLED'],
    ['COMPLETED', [], 'COMPLETED is final; no further change is allowed'],
    ['CANCELLED', [], 'CANCELLED is final; no further change is allowed'],
  ] as const)('refuses to start a %s work with CONFLICT naming the allowed statuses, and writes nothing', async (status, allowedStatuses, rule) => {
    const id = await insertProject(subgraph.dataSource, { communes: ['23701'], status, name: `Đường ${status}` });
    const before = await tableCounts(subgraph.dataSource);
    const { data, errors } = await subgraph.client.as(admin).request(START, { id, startedOn: '2023-11-01' });
    expect(data).toBeNull();
    expect(errors![0]!.extensions).toEqual({ code: 'CONFLICT', field: 'id', status, allowedStatuses });
    expect(errors![0]!.message).toBe(`Work “Đường ${status}”: The work is ${status} and cannot be started: ${rule}.`);
    expect(await tableCounts(subgraph.dataSource)).toEqual(before);
  });

  it('refuses an analyst with FORBIDDEN', async () => {
    const id = await insertProject(subgraph.dataSource, { communes: ['23701'] });
    const { errors } = await subgraph.client.as(testCallers.analyst()).request(START, { id, startedOn: '2023-04-01' });
    expect(errors![0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringMatching(/Only INVESTMENT_BOARD staff may record the start of construction/) });
  });

  it('answers UPSTREAM_UNAVAILABLE to an investment board when the registry cannot say which communes it serves, and writes nothing', async () => {
    const id = await insertProject(subgraph.dataSource, { communes: ['23701'] });
    const before = await tableCounts(subgraph.dataSource);
    const { errors } = await subgraph.client.as(testCallers.investmentBoard('630')).request(START, { id, startedOn: '2023-04-01' });
    expect(errors![0]!.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: true });
    expect(await tableCounts(subgraph.dataSource)).toEqual(before);
  });
});
