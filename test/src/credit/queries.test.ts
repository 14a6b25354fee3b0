import { testCallers, type TestSubgraph } from '@povgraph/testing';
import { RECORD } from '../../../services/households/test/fixtures';
import { DISBURSE, loanInput, REPAY, repaymentInput, UNITS } from '../../../services/credit/test/fixtures';
import { startCreditWithRegistry, type CreditWithRegistry } from './withRegistry';

let env: CreditWithRegistry;
let credit: TestSubgraph;
const officer = testCallers.bankOfficer(UNITS.district);
const analyst = testCallers.analyst();

beforeAll(async () => {
  env = await startCreditWithRegistry();
  credit = env.credit;
});
afterAll(() => env.stop());

describe('creditProgrammes', () => {
  const RULES = `query Rules($on: Date) { creditProgrammes(on: $on) {
    programme validFrom validTo annualRate overdueAnnualRate overdueRatePercentOfNormal maxPrincipalPerHousehold maxTermMonths qualifyingStatuses legalBasis } }`;

  it('lists the rule of every programme in force today, from the table', async () => {
    const { data, errors } = await credit.client.as(analyst).request(RULES);
    expect(errors).toBeUndefined();
    expect(data!.creditProgrammes.map((rule: { programme: string }) => rule.programme)).toEqual([
      'POOR_HOUSEHOLD', 'NEAR_POOR_HOUSEHOLD', 'NEWLY_ESCAPED_HOUSEHOLD', 'STUDENT', 'LABOUR_EXPORT', 'CLEAN_WATER_SANITATION', 'HOUSING',
    ]);
    expect(data!.creditProgrammes[6]).toEqual({
      programme: 'HOUSING', validFrom: '2016-01-01', validTo: null, annualRate: 3, overdueAnnualRate: 3.9, overdueRatePercentOfNormal: 130,
      maxPrincipalPerHousehold: 25_000_000, maxTermMonths: 180, qualifyingStatuses: ['POOR'], legalBasis: expect.stringContaining('33/2015'),
    });
    expect(data!.creditProgrammes[5]).toMatchObject({ programme: 'CLEAN_WATER_SANITATION', annualRate: 9, qualifyingStatuses: [] });
  });

  it('answers for a past day, and reads a new rule row without a code change', async () => {
    expect((await credit.client.as(analyst).request(RULES, { on: '2015-12-31' })).data!.creditProgrammes).toEqual([]);
    await credit.dataSource.query(`UPDATE programme_rules SET valid_to = '2029-12-31' WHERE programme = 'POOR_HOUSEHOLD'`);
    await credit.dataSource.query(
      `INSERT INTO programme_rules (programme, valid_from, annual_rate, overdue_rate_percent_of_normal, max_principal_per_household, max_term_months, qualifying_statuses, legal_basis)
       VALUES ('POOR_HOUSEHOLD', '2030-01-01', 6.0, 130, 150000000, 120, '{POOR}', 'test rule')`,
    );
    try {
      const { data } = await credit.client.as(analyst).request(RULES, { on: '2030-06-01' });
      expect(data!.creditProgrammes[0]).toMatchObject({ programme: 'POOR_HOUSEHOLD', annualRate: 6, overdueAnnualRate: 7.8, maxPrincipalPerHousehold: 150_000_000 });
      const earlier = await credit.client.as(analyst).request(RULES, { on: '2029-12-31' });
      expect(earlier.data!.creditProgrammes[0]).toMatchObject({ annualRate: 6.6, validTo: '2029-12-31' });
    } finally {
      await credit.dataSource.query(`DELETE FROM programme_rules WHERE valid_from = '2030-01-01'`);
      await credit.dataSource.query(`UPDATE programme_rules SET valid_to = NULL WHERE programme = 'POOR_HOUSEHOLD'`);
    }
  });
});

describe('a loan past its maturity', () => {
  let loanId: string;
  let householdId: string;
  const LOAN = `query Loan($id: ID!) { loan(id: $id) { id programme principal household { id } annualRate overdueAnnualRate maturesOn
    before: status(asOf: "2017-01-09") beforeOwed: outstanding(asOf: "2017-01-09")
    onMaturity: status(asOf: "2018-01-10") owedOnMaturity: outstanding(asOf: "2018-01-10") overdueOnMaturity: overdue(asOf: "2018-01-10")
    dayAfter: status(asOf: "2018-01-11") overdueDayAfter: overdue(asOf: "2018-01-11")
    later: status(asOf: "2018-03-01") overdueLater: overdue(asOf: "2018-03-01")
    today: status overdueToday: overdue outstandingToday: outstanding
    repayments { paidOn amount } } }`;

  beforeAll(async () => {
    // Registered in 2016 and reviewed POOR under the 2016–2020 standard (income under the 700,000 đ poor line).
    householdId = await env.household('UNREVIEWED', { registeredOn: '2016-01-15' });
    const reviewed = await env.stack.request(testCallers.labourOffice(UNITS.district), RECORD, {
      input: { householdId, year: 2016, assessedOn: '2016-11-01', incomePerPersonMonthly: 600_000, lackingIndicators: [] },
    });
    expect(reviewed.body.data.recordAssessment.status).toBe('POOR');
    const { data, errors } = await credit.client.as(officer).request(DISBURSE, {
      input: loanInput(householdId, { principal: 30_000_000, termMonths: 12, disbursedOn: '2017-01-10' }),
    });
    expect(errors).toBeUndefined();
    loanId = data!.disburseLoan.id;
    expect((await credit.client.as(officer).request(REPAY, { input: repaymentInput(loanId, { paidOn: '2017-06-30', amount: 10_000_000 }) })).errors).toBeUndefined();
  });

  it('is due on its maturity date, overdue the day after, at 130 % of the rate', async () => {
    const { data, errors } = await credit.client.as(analyst).request(LOAN, { id: loanId });
    expect(errors).toBeUndefined();
    expect(data!.loan).toEqual({
      id: loanId,
      programme: 'POOR_HOUSEHOLD',
      principal: 30_000_000,
      household: { id: householdId },
      annualRate: 6.6,
      overdueAnnualRate: 8.58,
      maturesOn: '2018-01-10',
      before: null,
      beforeOwed: 0,
      onMaturity: 'ACTIVE',
      owedOnMaturity: 20_000_000,
      overdueOnMaturity: 0,
      dayAfter: 'OVERDUE',
      overdueDayAfter: 20_000_000,
      later: 'OVERDUE',
      overdueLater: 20_000_000,
      today: 'OVERDUE',
      overdueToday: 20_000_000,
      outstandingToday: 20_000_000,
      repayments: [{ paidOn: '2017-06-30', amount: 10_000_000 }],
    });
  });

  it('is REPAID once the rest is paid, and the household shows it', async () => {
    const HOUSEHOLD = `query H($reps: [_Any!]!) { _entities(representations: $reps) { ... on Household {
      loans { id } on2018: credit(asOf: "2018-01-31") { outstanding hasActiveLoan } now: credit { outstanding hasActiveLoan } } } }`;
    const before = await credit.client.as(analyst).request(HOUSEHOLD, { reps: [{ __typename: 'Household', id: householdId }] });
    expect(before.data!._entities[0]).toEqual({ loans: [{ id: loanId }], on2018: { outstanding: 20_000_000, hasActiveLoan: true }, now: { outstanding: 20_000_000, hasActiveLoan: true } });

    expect((await credit.client.as(officer).request(REPAY, { input: repaymentInput(loanId, { paidOn: '2018-02-15', amount: 20_000_000 }) })).errors).toBeUndefined();
    const { data } = await credit.client.as(analyst).request(`query($id: ID!) { loan(id: $id) { status overdue outstanding late: status(asOf: "2018-02-14") } }`, { id: loanId });
    expect(data!.loan).toEqual({ status: 'REPAID', overdue: 0, outstanding: 0, late: 'OVERDUE' });
    const after = await credit.client.as(analyst).request(HOUSEHOLD, { reps: [{ __typename: 'Household', id: householdId }] });
    expect(after.data!._entities[0]).toMatchObject({ on2018: { outstanding: 20_000_000, hasActiveLoan: true }, now: { outstanding: 0, hasActiveLoan: false } });
  });
});

describe('loan(id)', () => {
  it('answers the shape housing reads to check a link, and null for an unknown or malformed id', async () => {
    const householdId = await env.household('POOR');
    const { data: created } = await credit.client.as(officer).request(DISBURSE, { input: loanInput(householdId, { programme: 'HOUSING', principal: 25_000_000, termMonths: 180 }) });
    const id = created!.disburseLoan.id;
    const LOAN = `query($id: ID!) { loan(id: $id) { id programme principal household { id } } }`;
    expect((await credit.client.as(testCallers.housingBoard(UNITS.district)).request(LOAN, { id })).data).toEqual({
      loan: { id, programme: 'HOUSING', principal: 25_000_000, household: { id: householdId } },
    });
    expect((await credit.client.as(analyst).request(LOAN, { id: '00000000-0000-4000-8000-000000000000' })).data).toEqual({ loan: null });
    expect((await credit.client.as(analyst).request(LOAN, { id: 'not-a-loan' })).data).toEqual({ loan: null });
  });
});
