import { startTestSubgraph, testCallers, type TestSubgraph } from '@povgraph/testing';
import { COMPLETE, insertProject, recipe, tableCounts } from './fixtures';

let subgraph: TestSubgraph;
const admin = testCallers.admin();

beforeAll(async () => {
  subgraph = await startTestSubgraph(recipe);
});
afterAll(() => subgraph.stop());

describe('completeInfrastructureWork', () => {
  it('completes a work under construction and audits who did it', async () => {
    const id = await insertProject(subgraph.dataSource, { communes: ['23701'], status: 'UNDER_CONSTRUCTION' });
    const { data, errors } = await subgraph.client.as(admin).request(COMPLETE, { id, completedOn: '2023-12-20' });
    expect(errors).toBeUndefined();
    expect(data!.completeInfrastructureWork).toMatchObject({ id, status: 'COMPLETED', startedOn: '2023-05-01', completedOn: '2023-12-20' });
    const [audit] = await subgraph.dataSource.query(`SELECT * FROM audit_log WHERE entity_id = $1`, [id]);
    expect(audit).toMatchObject({ action: 'completeInfrastructureWork', entity_type: 'InfrastructureProject', actor_role: 'ADMIN' });
    expect(audit.before).toMatchObject({ status: 'UNDER_CONSTRUCTION', completedOn: null });
    expect(audit.after).toMatchObject({ status: 'COMPLETED', completedOn: '2023-12-20' });
  });

  it('may complete on the day construction started', async () => {
    const id = await insertProject(subgraph.dataSource, { communes: ['23701'], status: 'UNDER_CONSTRUCTION' });
    const { data, errors } = await subgraph.client.as(admin).request(COMPLETE, { id, completedOn: '2023-05-01' });
    expect(errors).toBeUndefined();
    expect(data!.completeInfrastructureWork.completedOn).toBe('2023-05-01');
  });

  it.each([
    ['a completion before the start', { completedOn: '2023-04-30' }, 'BAD_USER_INPUT', 'completedOn', /The completion date 2023-04-30 is before the start of construction of work “.*” on 2023-05-01\./],
    ['a completion in the future', { completedOn: '2999-01-01' }, 'BAD_USER_INPUT', 'completedOn', /The completion date 2999-01-01 is in the future/],
    ['an unknown work', { id: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND', 'id', /No Dự án 1 work has id/],
  ])('refuses %s and writes nothing', async (_label, overrides, code, field, message) => {
    const id = await insertProject(subgraph.dataSource, { communes: ['23701'], status: 'UNDER_CONSTRUCTION' });
    const before = await tableCounts(subgraph.dataSource);
    const { data, errors } = await subgraph.client.as(admin).request(COMPLETE, { id, completedOn: '2023-11-01', ...overrides });
    expect(data).toBeNull();
    expect(errors![0]!.extensions).toMatchObject({ code, field });
    expect(errors![0]!.message).toMatch(message);
    expect(await tableCounts(subgraph.dataSource)).toEqual(before);
  });

  it.each([
    ['APPROVED', ['UNDER_CONSTRUCTION', 'CANCELLED'], 'from APPROVED it may only become UNDER_CONSTRUCTION or CANCELLED'],
    ['COMPLETED', [], 'COMPLETED is final; no further change is allowed'],
    ['CANCELLED', [], 'CANCELLED is final; no further change is allowed'],
  ] as const)('refuses to complete a %s work with CONFLICT naming the allowed statuses, and writes nothing', async (status, allowedStatuses, rule) => {
    const id = await insertProject(subgraph.dataSource, { communes: ['23701'], status, name: `Trường ${status}` });
    const before = await tableCounts(subgraph.dataSource);
    const { data, errors } = await subgraph.client.as(admin).request(COMPLETE, { id, completedOn: '2023-11-01' });
    expect(data).toBeNull();
    expect(errors![0]!.extensions).toEqual({ code: 'CONFLICT', field: 'id', status, allowedStatuses });
    expect(errors![0]!.message).toBe(`Work “Trường ${status}”: The work is ${status} and cannot be completed: ${rule}.`);
    expect(await tableCounts(subgraph.dataSource)).toEqual(before);
  });

  it('refuses a bank officer with FORBIDDEN', async () => {
    const id = await insertProject(subgraph.dataSource, { communes: ['23701'], status: 'UNDER_CONSTRUCTION' });
    const { errors } = await subgraph.client.as(testCallers.bankOfficer('630')).request(COMPLETE, { id, completedOn: '2023-11-01' });
    expect(errors![0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringMatching(/Only INVESTMENT_BOARD staff may record the completion of works/) });
  });

  it('answers UPSTREAM_UNAVAILABLE to an investment board when the registry cannot be reached, and writes nothing', async () => {
    const id = await insertProject(subgraph.dataSource, { communes: ['23701'], status: 'UNDER_CONSTRUCTION' });
    const before = await tableCounts(subgraph.dataSource);
    const { errors } = await subgraph.client.as(testCallers.investmentBoard('630')).request(COMPLETE, { id, completedOn: '2023-11-01' });
    expect(errors![0]!.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: true });
    expect(await tableCounts(subgraph.dataSource)).toEqual(before);
  });
});
