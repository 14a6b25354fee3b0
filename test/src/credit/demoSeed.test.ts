import { testCallers } from '@povgraph/testing';
import { recipe } from '../../../services/credit/test/fixtures';
import { creditDemo } from '../../../services/credit/src/seed/seedDemo';
import { CREDIT_PLANS } from '../../../services/credit/src/seed/plan';
import { startDemoStack, type DemoStack } from '../demoStack';

/**
 * VBSP's demo dataset on the demo registry of Kông Chro and Ea Súp, read back
 * through the gateway: the figures of DESIGN.md §5, the year-end report and the
 * trend (AreaYear), and coverage (Household.receivedLoanIn).
 */
let stack: DemoStack;
const analyst = testCallers.analyst();
const plan = (district: string) => CREDIT_PLANS.find((p) => p.districtCode === district)!;

beforeAll(async () => {
  stack = await startDemoStack({ credit: recipe }, ['630', '646']);
  const credit = stack.subgraphs['credit']!.dataSource;
  expect(await creditDemo.isEmpty(credit)).toBe(true);
  await stack.seed('credit', creditDemo);
}, 300_000);
afterAll(() => stack?.stop());

const ask = <T = any>(query: string, variables?: Record<string, unknown>): Promise<T> => stack.data<T>(analyst, query, variables);

const sql = <T = any>(text: string, params: unknown[] = []): Promise<T[]> => stack.subgraphs['credit']!.dataSource.query(text, params);

describe('credit demo dataset', () => {
  it('reproduces DESIGN §5: Kông Chro 2023 and Ea Súp 2023, through the gateway', async () => {
    const data = await ask(`{
      kc: adminUnit(code: "630") { credit(year: 2023) { disbursementTurnover loansDisbursed outstanding householdsBorrowing overdue } }
      es: adminUnit(code: "646") { credit(year: 2023) { disbursementTurnover loansDisbursed } } }`);
    expect(data.kc.credit).toMatchObject({ disbursementTurnover: 99_186_000_000, loansDisbursed: 2_486, outstanding: 190_434_000_000 });
    expect(data.kc.credit.householdsBorrowing).toBeGreaterThan(2_000);
    expect(data.es.credit.disbursementTurnover).toBe(215_404_000_000);
    const perLoan = data.es.credit.disbursementTurnover / data.es.credit.loansDisbursed;
    expect(perLoan).toBeGreaterThanOrEqual(40_000_000);
    expect(perLoan).toBeLessThanOrEqual(60_000_000);
  });

  it('answers every planned year, in the report and the trend (AreaYear) alike', async () => {
    for (const district of ['630', '646']) {
      const data = await ask(`query($code: AdminCode!) { adminUnit(code: $code) {
        report(year: 2023) { year credit { disbursementTurnover loansDisbursed outstanding } }
        trend(from: 2021, to: 2024) { year credit { disbursementTurnover loansDisbursed outstanding repaymentsCollected overdue } }
        y2022: credit(year: 2022) { disbursementTurnover loansDisbursed outstanding repaymentsCollected overdue }
        y2024: credit(year: 2024) { disbursementTurnover loansDisbursed outstanding repaymentsCollected overdue } } }`, { code: district });
      const unit = data.adminUnit;
      expect(unit.trend.map((t: { year: number }) => t.year)).toEqual([2021, 2022, 2023, 2024]);
      unit.trend.forEach((t: { year: number; credit: { disbursementTurnover: number; loansDisbursed: number } }) => {
        const planned = plan(district).years[t.year as 2021 | 2022 | 2023 | 2024]!;
        expect(t.credit).toMatchObject({ disbursementTurnover: planned.turnover, loansDisbursed: planned.loans });
      });
      expect(unit.trend[1].credit).toEqual(unit.y2022);
      expect(unit.trend[3].credit).toEqual(unit.y2024);
      expect(unit.report.credit).toMatchObject({ disbursementTurnover: unit.trend[2].credit.disbursementTurnover, outstanding: unit.trend[2].credit.outstanding });
      // The balance moves by what was lent less what was collected.
      for (let i = 1; i < 4; i++) {
        const [before, after] = [unit.trend[i - 1].credit, unit.trend[i].credit];
        expect(after.outstanding).toBe(before.outstanding + after.disbursementTurnover - after.repaymentsCollected);
      }
    }
  });

  it('keeps every loan within its programme: status on the disbursement date, registration, cap and balance', async () => {
    const loans = await sql<{ id: string; household_id: string; programme: string; disbursed_on: string; principal: string }>(
      `SELECT id, household_id, programme, disbursed_on::text, principal::text FROM loans ORDER BY idempotency_key LIMIT 900`,
    );
    const byDate = new Map<string, typeof loans>();
    for (const loan of loans) byDate.set(loan.disbursed_on, [...(byDate.get(loan.disbursed_on) ?? []), loan]);
    const statuses: Record<string, string[]> = {
      POOR_HOUSEHOLD: ['POOR'], HOUSING: ['POOR'], NEAR_POOR_HOUSEHOLD: ['NEAR_POOR'], NEWLY_ESCAPED_HOUSEHOLD: ['NEWLY_ESCAPED'],
      STUDENT: ['POOR', 'NEAR_POOR', 'NEWLY_ESCAPED', 'AVERAGE_LIVING'], LABOUR_EXPORT: ['POOR', 'NEAR_POOR', 'NEWLY_ESCAPED'],
    };
    let checked = 0;
    for (const [on, group] of [...byDate].slice(0, 40)) {
      const data = await ask(`query($ids: [ID!]!, $on: Date!) { households(ids: $ids) { id registeredOn statusOn(date: $on) } }`, { ids: group.map((l) => l.household_id), on });
      group.forEach((loan, i) => {
        const household = data.households[i];
        expect(household.registeredOn <= on).toBe(true);
        if (statuses[loan.programme]) expect(statuses[loan.programme]).toContain(household.statusOn);
        checked += 1;
      });
    }
    expect(checked).toBeGreaterThan(100);
    // No repayment ever takes a balance below zero; no household owes more than the cap under a programme.
    const [{ over }] = await sql(`SELECT count(*)::int AS over FROM loans l JOIN LATERAL (SELECT coalesce(sum(amount), 0) AS paid FROM repayments r WHERE r.loan_id = l.id) p ON true WHERE p.paid > l.principal`);
    expect(over).toBe(0);
    const [{ early }] = await sql(`SELECT count(*)::int AS early FROM repayments r JOIN loans l ON l.id = r.loan_id WHERE r.paid_on < l.disbursed_on`);
    expect(early).toBe(0);
    // An import is audited one row per batch, naming every record it wrote.
    const [{ audited }] = await sql(`SELECT (SELECT sum((after->>'count')::int) FROM audit_log WHERE entity_id = '*') = (SELECT count(*) FROM loans) + (SELECT count(*) FROM repayments)
      AND (SELECT count(*) FROM audit_log WHERE entity_id <> '*') = 0 AS audited`);
    expect(audited).toBe(true);
  });

  it('tells which poor households received a loan in a year (receivedLoanIn), as the loans show', async () => {
    const data = await ask(`{ adminUnit(code: "630") { households(status: POOR, year: 2022, first: 1000) { nodes { id receivedLoanIn(year: 2023) } } } }`);
    const nodes: Array<{ id: string; receivedLoanIn: boolean }> = data.adminUnit.households.nodes;
    expect(nodes).toHaveLength(1000);
    const [{ borrowers }] = await sql(
      `SELECT count(DISTINCT household_id)::int AS borrowers FROM loans WHERE household_id = ANY($1::uuid[]) AND disbursed_on BETWEEN '2023-01-01' AND '2023-12-31'`,
      [nodes.map((n) => n.id)],
    );
    const reached = nodes.filter((n) => n.receivedLoanIn).length;
    expect(reached).toBe(borrowers);
    expect(reached).toBeGreaterThan(0);
    expect(reached).toBeLessThan(1000);
  });

  it('is emptied by reset', async () => {
    const credit = stack.subgraphs['credit']!.dataSource;
    expect(await creditDemo.isEmpty(credit)).toBe(false);
    await creditDemo.reset(credit);
    expect(await creditDemo.isEmpty(credit)).toBe(true);
    const [{ rules, audit }] = await sql(`SELECT (SELECT count(*) FROM programme_rules)::int AS rules, (SELECT count(*) FROM audit_log)::int AS audit`);
    expect(rules).toBeGreaterThan(0);
    expect(audit).toBe(0);
    const data = await ask(`{ adminUnit(code: "630") { credit(year: 2023) { loansDisbursed outstanding } } }`);
    expect(data.adminUnit.credit).toEqual({ loansDisbursed: 0, outstanding: 0 });
  });
});
