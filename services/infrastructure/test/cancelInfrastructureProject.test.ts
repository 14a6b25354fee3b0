import { startTestSubgraph, testCallers, type TestSubgraph } from '@povgraph/testing';
import { todayInVietnam } from '@povgraph/validation';
import { CANCEL, insertProject, recipe, tableCounts } from './fixtures';

let subgraph: TestSubgraph;
const admin = testCallers.admin();

beforeAll(async () => {
  subgraph = await startTestSubgraph(recipe);
});
afterAll(() => subgraph.stop());

describe('cancelInfrastructureProject', () => {
  it.each(['APPROVED', 'UNDER_CONSTRUCTION'] as const)('cancels a %s work today, with the reason, and audits it', async (status) => {
    const id = await insertProject(subgraph.dataSource, { communes: ['23701'], status });
    const { data, errors } = await subgraph.client.as(admin).request(CANCEL, { id, reason: '  Điều chỉnh quy hoạch xã  ' });
    expect(errors).toBeUndefined();
    expect(data!.cancelInfrastructureProject).toMatchObject({ id, status: 'CANCELLED', cancelledOn: todayInVietnam(), cancellationReason: 'Điều chỉnh quy hoạch xã', completedOn: null });
    const [audit] = await subgraph.dataSource.query(`SELECT * FROM audit_log WHERE entity_id = $1`, [id]);
    expect(audit).toMatchObject({ action: 'cancelInfrastructureProject', entity_type: 'InfrastructureProject', actor_role: 'ADMIN' });
    expect(audit.before).toMatchObject({ status, cancelledOn: null });
    expect(audit.after).toMatchObject({ status: 'CANCELLED', cancellationReason: 'Điều chỉnh quy hoạch xã' });
  });

  it('lets a cancelled work’s name be approved again (the unique name only binds live works)', async () => {
    const id = await insertProject(subgraph.dataSource, { communes: ['23701'], name: 'Kênh mương Làng Tơ Pơ' });
    await subgraph.client.as(admin).request(CANCEL, { id, reason: 'Trùng công trình' });
    await expect(insertProject(subgraph.dataSource, { communes: ['23701'], name: 'Kênh mương Làng Tơ Pơ' })).resolves.toEqual(expect.any(String));
    await expect(insertProject(subgraph.dataSource, { communes: ['23701'], name: 'kênh mương làng tơ pơ' })).rejects.toThrow(/infrastructure_projects_name_key/);
  });

  it.each([
    ['a blank reason', { reason: '   ' }, 'BAD_USER_INPUT', 'reason', /The reason for cancelling must not be empty/],
    ['a reason of 501 characters', { reason: 'x'.repeat(501) }, 'BAD_USER_INPUT', 'reason', /at most 500 characters/],
    ['an unknown work', { id: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND', 'id', /No Dự án 1 work has id/],
  ])('refuses %s and writes nothing', async (_label, overrides, code, field, message) => {
    const id = await insertProject(subgraph.dataSource, { communes: ['23701'] });
    const before = await tableCounts(subgraph.dataSource);
    const { data, errors } = await subgraph.client.as(admin).request(CANCEL, { id, reason: 'Thiếu vốn', ...overrides });
    expect(data).toBeNull();
    expect(errors![0]!.extensions).toMatchObject({ code, field });
    expect(errors![0]!.message).toMatch(message);
    expect(await tableCounts(subgraph.dataSource)).toEqual(before);
  });

  it.each(['COMPLETED', 'CANCELLED'] as const)('refuses to cancel a %s work with CONFLICT, and writes nothing', async (status) => {
    const id = await insertProject(subgraph.dataSource, { communes: ['23701'], status, name: `Chợ ${status}` });
    const before = await tableCounts(subgraph.dataSource);
    const { data, errors } = await subgraph.client.as(admin).request(CANCEL, { id, reason: 'Thiếu vốn' });
    expect(data).toBeNull();
    expect(errors![0]!.extensions).toEqual({ code: 'CONFLICT', field: 'id', status, allowedStatuses: [] });
    expect(errors![0]!.message).toBe(`Work “Chợ ${status}”: The work is ${status} and cannot be cancelled: ${status} is final; no further change is allowed.`);
    expect(await tableCounts(subgraph.dataSource)).toEqual(before);
  });

  it('refuses a training centre with FORBIDDEN', async () => {
    const id = await insertProject(subgraph.dataSource, { communes: ['23701'] });
    const { errors } = await subgraph.client.as(testCallers.trainingCentre('630')).request(CANCEL, { id, reason: 'Thiếu vốn' });
    expect(errors![0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringMatching(/Only INVESTMENT_BOARD staff may cancel Dự án 1 works/) });
  });

  it('answers UPSTREAM_UNAVAILABLE to an investment board when the registry cannot be reached, and writes nothing', async () => {
    const id = await insertProject(subgraph.dataSource, { communes: ['23701'] });
    const before = await tableCounts(subgraph.dataSource);
    const { errors } = await subgraph.client.as(testCallers.investmentBoard('630')).request(CANCEL, { id, reason: 'Thiếu vốn' });
    expect(errors![0]!.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: true });
    expect(await tableCounts(subgraph.dataSource)).toEqual(before);
  });
});
