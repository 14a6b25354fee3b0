import { startTestSubgraph, testCallers, type TestSubgraph } from '@povgraph/testing';
import { DISBURSE, insertLoans, loanInput, recipe, REPAY, repaymentInput, tableCounts, UNITS } from '../../../services/credit/test/fixtures';
import { startCreditWithRegistry, type CreditWithRegistry } from './withRegistry';

let env: CreditWithRegistry;
let credit: TestSubgraph;
let loanId: string;
const officer = testCallers.bankOfficer(UNITS.district);

const BALANCE = `query Balance($id: ID!, $asOf: Date) { loan(id: $id) { outstanding(asOf: $asOf) repayments { paidOn amount } } }`;

beforeAll(async () => {
  env = await startCreditWithRegistry();
  credit = env.credit;
  const householdId = await env.household('POOR');
  const { data, errors } = await credit.client.as(officer).request(DISBURSE, { input: loanInput(householdId, { principal: 30_000_000, disbursedOn: '2024-03-01' }) });
  if (errors) throw new Error(JSON.stringify(errors));
  loanId = data!.disburseLoan.id;
});
afterAll(() => env.stop());

const repay = (input: Record<string, unknown>, caller = officer) => credit.client.as(caller).request(REPAY, { input });

async function expectRefused(input: Record<string, unknown>, code: string, field: string | undefined, message: RegExp, caller = officer) {
  const before = await tableCounts(credit.dataSource);
  const { data, errors } = await repay(input, caller);
  expect(data ?? null).toBeNull();
  expect(errors![0]!.extensions!.code).toBe(code);
  if (field) expect(errors![0]!.extensions!.field).toBe(field);
  expect(errors![0]!.message).toMatch(message);
  expect(await tableCounts(credit.dataSource)).toEqual(before);
}

describe('recordRepayment', () => {
  it('records a repayment, lowers the balance from its date, and audits it', async () => {
    const { data, errors } = await repay(repaymentInput(loanId, { paidOn: '2024-06-01', amount: 10_000_000 }));
    expect(errors).toBeUndefined();
    expect(data!.recordRepayment).toEqual({ id: expect.any(String), paidOn: '2024-06-01', amount: 10_000_000, loan: { id: loanId } });
    const [audit] = await credit.dataSource.query(`SELECT * FROM audit_log WHERE entity_id = $1`, [data!.recordRepayment.id]);
    expect(audit).toMatchObject({ action: 'recordRepayment', entity_type: 'Repayment', actor_role: 'BANK_OFFICER', before: null });
    expect(audit.after).toMatchObject({ loanId, amount: 10_000_000, paidOn: '2024-06-01', communeCode: UNITS.communeA });

    const balance = async (asOf: string) => (await credit.client.as(officer).request(BALANCE, { id: loanId, asOf })).data!.loan.outstanding;
    expect(await balance('2024-05-31')).toBe(30_000_000);
    expect(await balance('2024-06-01')).toBe(20_000_000);
  });

  it('records a repeated request once and returns the same repayment', async () => {
    const input = repaymentInput(loanId, { paidOn: '2024-07-01', amount: 1_000_000 });
    const [a, b] = await Promise.all([repay(input), repay(input)]);
    const c = await repay(input);
    for (const result of [a, b, c]) expect(result.errors).toBeUndefined();
    expect(new Set([a, b, c].map((result) => result.data!.recordRepayment.id)).size).toBe(1);
    const [{ n }] = await credit.dataSource.query(`SELECT count(*)::int AS n FROM repayments WHERE idempotency_key = $1`, [input.idempotencyKey]);
    expect(n).toBe(1);
    const [{ audits }] = await credit.dataSource.query(`SELECT count(*)::int AS audits FROM audit_log WHERE entity_id = $1`, [a.data!.recordRepayment.id]);
    expect(audits).toBe(1);
    await expectRefused({ ...input, amount: 2_000_000 }, 'CONFLICT', 'input.idempotencyKey', /already used for repayment .*1,000,000 đ on 2024-07-01.*differs in amount/);
  });

  it('refuses more than the balance on that day, naming the balance', async () => {
    // Owed now: 30M − 10M − 1M = 19M.
    await expectRefused(
      repaymentInput(loanId, { paidOn: '2024-08-01', amount: 19_000_001 }),
      'BAD_USER_INPUT',
      'input.amount',
      /19,000,001 đ is more than the loan owes: the outstanding balance on 2024-08-01 is 19,000,000 đ\. At most 19,000,000 đ can be recorded\./,
    );
  });

  it('refuses an earlier-dated repayment that later repayments leave no room for', async () => {
    expect((await repay(repaymentInput(loanId, { paidOn: '2024-09-01', amount: 15_000_000 }))).errors).toBeUndefined();
    // On 2024-08-01 the balance was 19M, but only 4M remains after the 2024-09-01 repayment.
    await expectRefused(
      repaymentInput(loanId, { paidOn: '2024-08-01', amount: 5_000_000 }),
      'BAD_USER_INPUT',
      'input.amount',
      /repayments dated after 2024-08-01 leave only 4,000,000 đ owed\. At most 4,000,000 đ can be recorded\./,
    );
    expect((await repay(repaymentInput(loanId, { paidOn: '2024-08-01', amount: 4_000_000 }))).errors).toBeUndefined();
    await expectRefused(repaymentInput(loanId, { paidOn: '2024-10-01', amount: 1 }), 'BAD_USER_INPUT', 'input.amount', /the outstanding balance on 2024-10-01 is 0 đ/);
  });

  it.each([
    ['an amount of 0', { amount: 0 }, 'BAD_USER_INPUT', 'input.amount', /whole number of đồng, more than 0/],
    ['a date in the future', { paidOn: '2999-01-01' }, 'BAD_USER_INPUT', 'input.paidOn', /2999-01-01 is in the future/],
    ['a date before the disbursement', { paidOn: '2024-02-29' }, 'BAD_USER_INPUT', 'input.paidOn', /disbursed on 2024-03-01; a repayment cannot be dated 2024-02-29/],
    ['an idempotency key too short', { idempotencyKey: 'abc' }, 'BAD_USER_INPUT', 'input.idempotencyKey', /8–100 characters/],
    ['an unknown loan', { loanId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND', 'input.loanId', /No loan has id 00000000/],
    ['a loan id that is not an id', { loanId: 'LOAN-1' }, 'NOT_FOUND', 'input.loanId', /No loan has id LOAN-1/],
  ])('refuses %s and writes nothing', async (_label, overrides, code, field, message) => {
    await expectRefused(repaymentInput(loanId, { amount: 1_000, ...overrides }), code, field, message);
  });

  it.each([
    ['an analyst', testCallers.analyst(), /Only BANK_OFFICER staff may record loan repayments/],
    ['a housing board', testCallers.housingBoard(UNITS.district), /you are signed in as HOUSING_BOARD/],
    ['a bank officer of another district', testCallers.bankOfficer(UNITS.otherDistrict), /You serve area 631; a repayment in commune 23701 belongs to another area's office/],
  ])('refuses %s with FORBIDDEN', async (_label, caller, message) => {
    await expectRefused(repaymentInput(loanId, { paidOn: '2024-03-02', amount: 1_000 }), 'FORBIDDEN', undefined, message, caller);
  });
});

describe('recordRepayment without the registry', () => {
  let isolated: TestSubgraph;
  let isolatedLoan: string;
  beforeAll(async () => {
    isolated = await startTestSubgraph(recipe); // default gateway: unreachable
    [isolatedLoan] = await insertLoans(isolated.dataSource, [{ programme: 'POOR_HOUSEHOLD', principal: 10_000_000, disbursedOn: '2023-01-10', termMonths: 12, communeCode: UNITS.communeA }]);
  });
  afterAll(() => isolated.stop());

  it('answers UPSTREAM_UNAVAILABLE to a bank officer (whose area is checked in the registry) and writes nothing', async () => {
    const before = await tableCounts(isolated.dataSource);
    const { data, errors } = await isolated.client.as(officer).request(REPAY, { input: repaymentInput(isolatedLoan!, { paidOn: '2023-05-01' }) });
    expect(data).toBeNull();
    expect(errors![0]!.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: true });
    expect(await tableCounts(isolated.dataSource)).toEqual(before);
  });

  it('lets an administrator record one (no area to check)', async () => {
    const { errors } = await isolated.client.as(testCallers.admin()).request(REPAY, { input: repaymentInput(isolatedLoan!, { paidOn: '2023-05-01', amount: 10_000_000 }) });
    expect(errors).toBeUndefined();
  });
});
