import { startTestSubgraph, testCallers, type TestSubgraph } from '@povgraph/testing';
import { DISBURSE, insertProject, recipe, tableCounts } from './fixtures';

let subgraph: TestSubgraph;
const admin = testCallers.admin();

beforeAll(async () => {
  subgraph = await startTestSubgraph(recipe);
});
afterAll(() => subgraph.stop());

/** A work with 800 million of investment and 200 million of recurrent capital. */
const work = (extra: Record<string, unknown> = {}) =>
  insertProject(subgraph.dataSource, { communes: ['23701'], investmentCapital: 800_000_000, recurrentCapital: 200_000_000, ...extra });

describe('recordDisbursement', () => {
  it('adds each disbursement to what the work has been paid, audits both records, and stops at the total capital', async () => {
    const id = await work({ status: 'UNDER_CONSTRUCTION' });
    const first = await subgraph.client.as(admin).request(DISBURSE, { id, amount: 600_000_000, disbursedOn: '2023-06-01' });
    expect(first.errors).toBeUndefined();
    expect(first.data!.recordDisbursement).toMatchObject({ disbursed: 600_000_000, totalCapital: 1_000_000_000, remainingToDisburse: 400_000_000 });

    // Exactly what is left: the whole capital, investment plus recurrent.
    const last = await subgraph.client.as(admin).request(DISBURSE, { id, amount: 400_000_000, disbursedOn: '2023-09-15' });
    expect(last.errors).toBeUndefined();
    expect(last.data!.recordDisbursement).toMatchObject({
      disbursed: 1_000_000_000,
      remainingToDisburse: 0,
      disbursements: [{ amount: 600_000_000, disbursedOn: '2023-06-01' }, { amount: 400_000_000, disbursedOn: '2023-09-15' }],
    });

    const audits = await subgraph.dataSource.query(`SELECT action, entity_type, before, after FROM audit_log WHERE action = 'recordDisbursement' ORDER BY id`);
    expect(audits).toHaveLength(4);
    expect(audits[0]).toMatchObject({ entity_type: 'InfrastructureProject', before: { disbursed: 0 }, after: { disbursed: 600_000_000 } });
    expect(audits[1]).toMatchObject({ entity_type: 'Disbursement', before: null, after: { projectId: id, amount: 600_000_000, disbursedOn: '2023-06-01' } });

    const before = await tableCounts(subgraph.dataSource);
    const over = await subgraph.client.as(admin).request(DISBURSE, { id, amount: 1, disbursedOn: '2023-10-01' });
    expect(over.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'amount', remaining: 0 });
    expect(over.errors![0]!.message).toMatch(/whole capital of 1,000,000,000 đồng is already disbursed; nothing is left to pay/);
    expect(await tableCounts(subgraph.dataSource)).toEqual(before);
  });

  it.each(['APPROVED', 'COMPLETED'] as const)('pays a %s work (advances before the start, settlement after completion)', async (status) => {
    const id = await work({ status });
    const { data, errors } = await subgraph.client.as(admin).request(DISBURSE, { id, amount: 50_000_000, disbursedOn: '2023-12-01' });
    expect(errors).toBeUndefined();
    expect(data!.recordDisbursement.disbursed).toBe(50_000_000);
  });

  it.each([
    ['more than is left, naming what is left', { amount: 300_000_001 }, 'BAD_USER_INPUT', 'amount', /Only 300,000,000 đồng of the work's 1,000,000,000 đồng capital is left to disburse \(700,000,000 đồng already paid\); 300,000,001 đồng is too much\./],
    ['nothing', { amount: 0 }, 'BAD_USER_INPUT', 'amount', /more than 0; got 0/],
    ['a date before the approval', { disbursedOn: '2023-02-01' }, 'BAD_USER_INPUT', 'disbursedOn', /The disbursement date 2023-02-01 is before the approval of work “.*” on 2023-03-01/],
    ['a date in the future', { disbursedOn: '2999-01-01' }, 'BAD_USER_INPUT', 'disbursedOn', /The disbursement date 2999-01-01 is in the future/],
    ['an unknown work', { id: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND', 'id', /No Dự án 1 work has id/],
  ])('refuses %s and writes nothing', async (_label, overrides, code, field, message) => {
    const id = await work({ status: 'UNDER_CONSTRUCTION', disbursed: 700_000_000 });
    const before = await tableCounts(subgraph.dataSource);
    const { data, errors } = await subgraph.client.as(admin).request(DISBURSE, { id, amount: 1_000_000, disbursedOn: '2023-06-01', ...overrides });
    expect(data).toBeNull();
    expect(errors![0]!.extensions).toMatchObject({ code, field });
    expect(errors![0]!.message).toMatch(message);
    expect(await tableCounts(subgraph.dataSource)).toEqual(before);
  });

  it('refuses a cancelled work with CONFLICT, and writes nothing', async () => {
    const id = await work({ status: 'CANCELLED', name: 'Nhà văn hóa Làng Hle' });
    const before = await tableCounts(subgraph.dataSource);
    const { errors } = await subgraph.client.as(admin).request(DISBURSE, { id, amount: 1_000_000, disbursedOn: '2023-06-01' });
    expect(errors![0]!.extensions).toEqual({ code: 'CONFLICT', field: 'id', status: 'CANCELLED' });
    expect(errors![0]!.message).toMatch(/Work “Nhà văn hóa Làng Hle” is CANCELLED; nothing more may be disbursed to it/);
    expect(await tableCounts(subgraph.dataSource)).toEqual(before);
  });

  it('pays each of many simultaneous disbursements at most once within the capital', async () => {
    const id = await work({ status: 'UNDER_CONSTRUCTION' });
    const results = await Promise.all(
      Array.from({ length: 6 }, () => subgraph.client.as(admin).request(DISBURSE, { id, amount: 300_000_000, disbursedOn: '2023-06-01' })),
    );
    expect(results.filter((result) => !result.errors)).toHaveLength(3);
    expect(results.filter((result) => result.errors?.[0]?.extensions?.['field'] === 'amount')).toHaveLength(3);
    const [row] = await subgraph.dataSource.query(`SELECT disbursed::int, (SELECT sum(amount)::int FROM disbursements WHERE project_id = $1) AS paid FROM infrastructure_projects WHERE id = $1`, [id]);
    expect(row).toEqual({ disbursed: 900_000_000, paid: 900_000_000 });
  });

  it('refuses a housing board with FORBIDDEN', async () => {
    const id = await work();
    const { errors } = await subgraph.client.as(testCallers.housingBoard('630')).request(DISBURSE, { id, amount: 1, disbursedOn: '2023-06-01' });
    expect(errors![0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringMatching(/Only INVESTMENT_BOARD staff may record disbursements/) });
  });

  it('answers UPSTREAM_UNAVAILABLE to an investment board when the registry cannot be reached, and writes nothing', async () => {
    const id = await work();
    const before = await tableCounts(subgraph.dataSource);
    const { errors } = await subgraph.client.as(testCallers.investmentBoard('630')).request(DISBURSE, { id, amount: 1, disbursedOn: '2023-06-01' });
    expect(errors![0]!.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: true });
    expect(await tableCounts(subgraph.dataSource)).toEqual(before);
  });
});
