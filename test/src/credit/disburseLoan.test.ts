import { startTestSubgraph, testCallers, type TestSubgraph } from '@povgraph/testing';
import { DISBURSE, loanInput, recipe, REPAY, repaymentInput, tableCounts, UNITS } from '../../../services/credit/test/fixtures';
import { startCreditWithRegistry, type CreditWithRegistry, type RegistryStatus } from './withRegistry';

let env: CreditWithRegistry;
let credit: TestSubgraph;
const officer = testCallers.bankOfficer(UNITS.district);

beforeAll(async () => {
  env = await startCreditWithRegistry();
  credit = env.credit;
});
afterAll(() => env.stop());

const disburse = (input: Record<string, unknown>, caller = officer) => credit.client.as(caller).request(DISBURSE, { input });

/** Asserts a refusal with its code, field and message, and that nothing was written. */
async function expectRefused(input: Record<string, unknown>, code: string, field: string | undefined, message: RegExp, caller = officer) {
  const before = await tableCounts(credit.dataSource);
  const { data, errors } = await disburse(input, caller);
  expect(data ?? null).toBeNull();
  expect(errors![0]!.extensions!.code).toBe(code);
  if (field) expect(errors![0]!.extensions!.field).toBe(field);
  expect(errors![0]!.message).toMatch(message);
  expect(await tableCounts(credit.dataSource)).toEqual(before);
  return errors![0]!;
}

describe('disburseLoan', () => {
  it('disburses at the rule’s rate, computes the maturity, books the registry’s commune and audits it', async () => {
    const householdId = await env.household('POOR');
    const input = loanInput(householdId, { termMonths: 36, entrustingOrganisation: 'FARMERS_UNION' });
    const { data, errors } = await disburse(input);
    expect(errors).toBeUndefined();
    expect(data!.disburseLoan).toEqual({
      id: expect.any(String),
      programme: 'POOR_HOUSEHOLD',
      principal: 50_000_000,
      annualRate: 6.6,
      overdueAnnualRate: 8.58,
      termMonths: 36,
      disbursedOn: '2024-03-01',
      maturesOn: '2027-03-01',
      transactionOffice: 'PGD NHCSXH huyện Kông Chro',
      savingsGroup: 'Tổ TK&VV làng Tơ Pơ',
      entrustingOrganisation: 'FARMERS_UNION',
      purpose: 'Nuôi bò sinh sản',
      communeCode: UNITS.communeA,
      household: { id: householdId },
    });
    const audits = await credit.dataSource.query(`SELECT * FROM audit_log WHERE entity_id = $1`, [data!.disburseLoan.id]);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: 'disburseLoan', entity_type: 'Loan', actor_subject: officer.subject, actor_role: 'BANK_OFFICER', before: null });
    expect(audits[0].after).toMatchObject({ householdId, principal: 50_000_000, programme: 'POOR_HOUSEHOLD', communeCode: UNITS.communeA, idempotencyKey: input.idempotencyKey });
  });

  describe('eligibility: each programme × each status on the disbursement date, asked of the registry', () => {
    const statuses: RegistryStatus[] = ['POOR', 'NEAR_POOR', 'NEWLY_ESCAPED', 'AVERAGE_LIVING', 'NOT_POOR', 'UNREVIEWED'];
    const households = {} as Record<RegistryStatus, string>;
    beforeAll(async () => {
      for (const status of statuses) households[status] = await env.household(status);
    });

    // programme, qualifying statuses (as the message names them)
    const programmes: Array<[string, RegistryStatus[], string]> = [
      ['POOR_HOUSEHOLD', ['POOR'], 'POOR'],
      ['NEAR_POOR_HOUSEHOLD', ['NEAR_POOR'], 'NEAR_POOR'],
      ['NEWLY_ESCAPED_HOUSEHOLD', ['NEWLY_ESCAPED'], 'NEWLY_ESCAPED'],
      ['STUDENT', ['POOR', 'NEAR_POOR', 'NEWLY_ESCAPED', 'AVERAGE_LIVING'], 'POOR, NEAR_POOR, NEWLY_ESCAPED or AVERAGE_LIVING'],
      ['LABOUR_EXPORT', ['POOR', 'NEAR_POOR', 'NEWLY_ESCAPED'], 'POOR, NEAR_POOR or NEWLY_ESCAPED'],
      ['CLEAN_WATER_SANITATION', statuses, ''],
      ['HOUSING', ['POOR'], 'POOR'],
    ];
    const cases = programmes.flatMap(([programme, qualifying, named]) => statuses.map((status) => [programme, status, qualifying.includes(status), named] as const));

    it.each(cases)('%s for a %s household → allowed: %s', async (programme, status, allowed, named) => {
      const input = loanInput(households[status], { programme, principal: 1_000_000, termMonths: 12 });
      if (allowed) {
        const { data, errors } = await disburse(input);
        expect(errors).toBeUndefined();
        expect(data!.disburseLoan).toMatchObject({ programme, household: { id: households[status] } });
        return;
      }
      const standing = status === 'UNREVIEWED' ? 'has no poverty review on or before 2024-03-01, so it has no status' : `was ${status} on 2024-03-01`;
      const error = await expectRefused(input, 'NOT_ELIGIBLE', 'input.householdId', new RegExp(`${standing}; ${programme} lends only to ${named} households\\.$`));
      expect(error.extensions).toMatchObject({ status: status === 'UNREVIEWED' ? null : status });
    });

    it('reads the status in force on the disbursement date, not today’s', async () => {
      // Newly escaped since the 2023 review; on 2023-06-01 the 2022 review (POOR) was in force.
      const { errors } = await disburse(loanInput(households.NEWLY_ESCAPED, { disbursedOn: '2023-06-01', principal: 1_000_000 }));
      expect(errors).toBeUndefined();
    });
  });

  describe('cap per household and term', () => {
    it.each([
      ['POOR_HOUSEHOLD', 'POOR', 100_000_000],
      ['NEWLY_ESCAPED_HOUSEHOLD', 'NEWLY_ESCAPED', 100_000_000],
      ['STUDENT', 'NEAR_POOR', 40_000_000],
      ['CLEAN_WATER_SANITATION', 'NOT_POOR', 25_000_000],
      ['HOUSING', 'POOR', 25_000_000],
    ] as const)('%s lends exactly its cap and refuses 1 đồng more', async (programme, status, cap) => {
      const over = await env.household(status);
      await expectRefused(loanInput(over, { programme, principal: cap + 1, termMonths: 12 }), 'BAD_USER_INPUT', 'input.principal', new RegExp(`${programme} lends at most ${cap.toLocaleString('en-US')} đ per household`));
      const at = await env.household(status);
      const { errors } = await disburse(loanInput(at, { programme, principal: cap, termMonths: 12 }));
      expect(errors).toBeUndefined();
    });

    it('counts what the household still owes under the programme, net of repayments', async () => {
      const householdId = await env.household('POOR');
      const first = await disburse(loanInput(householdId, { principal: 60_000_000, disbursedOn: '2024-01-10' }));
      expect(first.errors).toBeUndefined();
      await expectRefused(
        loanInput(householdId, { principal: 40_000_001 }),
        'BAD_USER_INPUT',
        'input.principal',
        /still owes 60,000,000 đ under it on 2024-03-01, so at most 40,000,000 đ more can be lent, not 40,000,001 đ/,
      );
      // Another programme has its own cap.
      expect((await disburse(loanInput(householdId, { programme: 'CLEAN_WATER_SANITATION', principal: 25_000_000 }))).errors).toBeUndefined();
      // A repayment made by the disbursement date frees headroom; one made after it does not.
      const loanId = first.data!.disburseLoan.id;
      expect((await credit.client.as(officer).request(REPAY, { input: repaymentInput(loanId, { paidOn: '2024-02-01', amount: 10_000_000 }) })).errors).toBeUndefined();
      expect((await credit.client.as(officer).request(REPAY, { input: repaymentInput(loanId, { paidOn: '2024-05-01', amount: 10_000_000 }) })).errors).toBeUndefined();
      await expectRefused(loanInput(householdId, { principal: 50_000_001 }), 'BAD_USER_INPUT', 'input.principal', /still owes 50,000,000 đ under it on 2024-03-01, so at most 50,000,000 đ/);
      expect((await disburse(loanInput(householdId, { principal: 50_000_000 }))).errors).toBeUndefined();
      await expectRefused(loanInput(householdId, { principal: 1, disbursedOn: '2024-03-02' }), 'BAD_USER_INPUT', 'input.principal', /at most 0 đ more/);
    });

    it.each([
      ['POOR_HOUSEHOLD', 'POOR', 120],
      ['NEWLY_ESCAPED_HOUSEHOLD', 'NEWLY_ESCAPED', 60],
      ['LABOUR_EXPORT', 'NEAR_POOR', 60],
      ['HOUSING', 'POOR', 180],
    ] as const)('%s runs exactly its maximum term and refuses a month more', async (programme, status, months) => {
      const householdId = await env.household(status);
      await expectRefused(loanInput(householdId, { programme, principal: 1_000_000, termMonths: months + 1 }), 'BAD_USER_INPUT', 'input.termMonths', new RegExp(`${programme} loans run from 1 to ${months} months; got ${months + 1}`));
      const { data, errors } = await disburse(loanInput(householdId, { programme, principal: 1_000_000, termMonths: months }));
      expect(errors).toBeUndefined();
      expect(data!.disburseLoan.termMonths).toBe(months);
    });
  });

  describe('idempotency', () => {
    it('disburses once when the same request is sent twice, one after the other or at once', async () => {
      const householdId = await env.household('POOR');
      const input = loanInput(householdId);
      const first = await disburse(input);
      const second = await disburse(input);
      expect(second.errors).toBeUndefined();
      expect(second.data!.disburseLoan).toEqual(first.data!.disburseLoan);

      const racing = loanInput(householdId, { principal: 10_000_000 });
      const [a, b] = await Promise.all([disburse(racing), disburse(racing)]);
      expect(a.errors).toBeUndefined();
      expect(b.errors).toBeUndefined();
      expect(a.data!.disburseLoan.id).toBe(b.data!.disburseLoan.id);

      for (const { idempotencyKey } of [input, racing]) {
        const [{ loans }] = await credit.dataSource.query(`SELECT count(*)::int AS loans FROM loans WHERE idempotency_key = $1`, [idempotencyKey]);
        expect(loans).toBe(1);
      }
      const [{ audits }] = await credit.dataSource.query(
        `SELECT count(*)::int AS audits FROM audit_log WHERE action = 'disburseLoan' AND entity_id = ANY($1)`,
        [[first.data!.disburseLoan.id, a.data!.disburseLoan.id]],
      );
      expect(audits).toBe(2);
    });

    it('refuses the same key with different details (CONFLICT), naming what differs', async () => {
      const householdId = await env.household('POOR');
      const input = loanInput(householdId, { principal: 5_000_000 });
      expect((await disburse(input)).errors).toBeUndefined();
      await expectRefused({ ...input, principal: 6_000_000, purpose: 'Mua máy cày' }, 'CONFLICT', 'input.idempotencyKey', /was already used for loan .* which differs in principal, purpose\. Use a new key/);
    });
  });

  describe('bad input', () => {
    let poor: string;
    beforeAll(async () => {
      poor = await env.household('POOR', { registeredOn: '2021-03-15' });
    });

    it.each([
      ['an idempotency key of 7 characters', { idempotencyKey: '1234567' }, 'BAD_USER_INPUT', 'input.idempotencyKey', /8–100 characters.*it has 7/],
      ['an idempotency key of 101 characters', { idempotencyKey: 'k'.repeat(101) }, 'BAD_USER_INPUT', 'input.idempotencyKey', /it has 101/],
      ['a principal of 0', { principal: 0 }, 'BAD_USER_INPUT', 'input.principal', /whole number of đồng, more than 0/],
      ['a disbursement date in the future', { disbursedOn: '2999-01-01' }, 'BAD_USER_INPUT', 'input.disbursedOn', /2999-01-01 is in the future/],
      ['a date before the household’s registration', { disbursedOn: '2021-03-14' }, 'BAD_USER_INPUT', 'input.disbursedOn', /registered on 2021-03-15; a loan cannot be disbursed to it on 2021-03-14/],
      ['a date before every rule of the programme', { disbursedOn: '2015-12-31' }, 'BAD_USER_INPUT', 'input.programme', /No POOR_HOUSEHOLD rule is in force on 2015-12-31; its rules on record apply from 2016-01-01/],
      ['a term of 0 months', { termMonths: 0 }, 'BAD_USER_INPUT', 'input.termMonths', /from 1 to 120 months; got 0/],
      ['a blank transaction office', { transactionOffice: '  ' }, 'BAD_USER_INPUT', 'input.transactionOffice', /must not be empty/],
      ['a blank savings-and-loan group', { savingsGroup: '' }, 'BAD_USER_INPUT', 'input.savingsGroup', /must not be empty/],
      ['a blank purpose', { purpose: ' ' }, 'BAD_USER_INPUT', 'input.purpose', /must not be empty/],
      ['an unknown household', { householdId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND', 'input.householdId', /no household with id 00000000/],
      ['a household id that is not an id', { householdId: 'KC-0001' }, 'NOT_FOUND', 'input.householdId', /no household with id KC-0001/],
    ])('refuses %s and writes nothing', async (_label, overrides, code, field, message) => {
      await expectRefused(loanInput(poor, overrides), code, field, message);
    });

    it('refuses amounts the VND scalar cannot hold before the service runs', async () => {
      for (const principal of [-1, 1.5]) {
        const before = await tableCounts(credit.dataSource);
        const { errors } = await disburse(loanInput(poor, { principal }));
        expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
        expect(errors![0]!.message).toMatch(/input\.principal.*whole number of đồng/);
        expect(await tableCounts(credit.dataSource)).toEqual(before);
      }
    });
  });

  describe('who may disburse', () => {
    let poor: string;
    beforeAll(async () => {
      poor = await env.household('POOR');
    });

    it.each([
      ['an analyst', testCallers.analyst(), /Only BANK_OFFICER staff may disburse loans; you are signed in as ANALYST/],
      ['a labour office', testCallers.labourOffice(UNITS.district), /you are signed in as LABOUR_OFFICE/],
      ['a bank officer of another district', testCallers.bankOfficer(UNITS.otherDistrict), /You serve area 631; disbursing a loan in commune 23701 belongs to another area's office/],
    ])('refuses %s with FORBIDDEN', async (_label, caller, message) => {
      await expectRefused(loanInput(poor), 'FORBIDDEN', undefined, message, caller);
    });

    it('refuses an anonymous caller', async () => {
      const { errors } = await credit.client.request(DISBURSE, { input: loanInput(poor) });
      expect(errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    });

    it('lets the province’s bank officer and an administrator disburse', async () => {
      expect((await disburse(loanInput(poor, { principal: 1_000_000 }), testCallers.bankOfficer(UNITS.province))).errors).toBeUndefined();
      const elsewhere = await env.household('POOR', { communeCode: UNITS.otherCommune });
      const { data, errors } = await disburse(loanInput(elsewhere, { principal: 1_000_000 }), testCallers.admin());
      expect(errors).toBeUndefined();
      expect(data!.disburseLoan.communeCode).toBe(UNITS.otherCommune);
    });
  });
});

describe('disburseLoan without the registry', () => {
  let isolated: TestSubgraph;
  beforeAll(async () => {
    isolated = await startTestSubgraph(recipe); // default gateway: unreachable
  });
  afterAll(() => isolated.stop());

  it('answers UPSTREAM_UNAVAILABLE, retryable, and writes nothing', async () => {
    const before = await tableCounts(isolated.dataSource);
    const { data, errors } = await isolated.client.as(officer).request(DISBURSE, { input: loanInput('2b0c8c52-9a0e-4c57-9a2c-3f1f4c7d0a11') });
    expect(data).toBeNull();
    expect(errors![0]!.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: true });
    expect(errors![0]!.message).toBe('The household registry could not be reached; nothing was written. Try again in a moment.');
    expect(await tableCounts(isolated.dataSource)).toEqual(before);
  });
});
