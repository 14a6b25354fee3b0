import type { DemoHousehold } from '@povgraph/demo';
import { INITIAL_PROGRAMME_RULES } from '../../domain/programmes';
import { PovertyStatus } from '../../entities';
import { generateCredit, type CreditYear, type DistrictRegistry } from '../generate';
import { CREDIT_PLANS, HORIZON } from '../plan';

type Counts = Record<2021 | 2022 | 2023, Record<'POOR' | 'NEAR_POOR' | 'NEWLY_ESCAPED' | 'AVERAGE_LIVING', number>>;

/** Pool sizes like the registry demo's (630 and 646 as it answers them; the others smaller samples). */
const SIZES: Record<string, Counts> = {
  '630': { 2021: { POOR: 5812, NEAR_POOR: 1540, NEWLY_ESCAPED: 0, AVERAGE_LIVING: 901 }, 2022: { POOR: 5001, NEAR_POOR: 1610, NEWLY_ESCAPED: 865, AVERAGE_LIVING: 931 }, 2023: { POOR: 4336, NEAR_POOR: 1702, NEWLY_ESCAPED: 1565, AVERAGE_LIVING: 1011 } },
  '646': { 2021: { POOR: 5150, NEAR_POOR: 1830, NEWLY_ESCAPED: 0, AVERAGE_LIVING: 1731 }, 2022: { POOR: 4640, NEAR_POOR: 1910, NEWLY_ESCAPED: 687, AVERAGE_LIVING: 1756 }, 2023: { POOR: 4020, NEAR_POOR: 1880, NEWLY_ESCAPED: 1496, AVERAGE_LIVING: 1723 } },
  '643': { 2021: { POOR: 62, NEAR_POOR: 138, NEWLY_ESCAPED: 0, AVERAGE_LIVING: 150 }, 2022: { POOR: 104, NEAR_POOR: 164, NEWLY_ESCAPED: 40, AVERAGE_LIVING: 150 }, 2023: { POOR: 76, NEAR_POOR: 140, NEWLY_ESCAPED: 60, AVERAGE_LIVING: 150 } },
  '665': { 2021: { POOR: 920, NEAR_POOR: 473, NEWLY_ESCAPED: 0, AVERAGE_LIVING: 600 }, 2022: { POOR: 993, NEAR_POOR: 503, NEWLY_ESCAPED: 200, AVERAGE_LIVING: 600 }, 2023: { POOR: 837, NEAR_POOR: 487, NEWLY_ESCAPED: 300, AVERAGE_LIVING: 600 } },
  '884': { 2021: { POOR: 96, NEAR_POOR: 512, NEWLY_ESCAPED: 0, AVERAGE_LIVING: 2000 }, 2022: { POOR: 34, NEAR_POOR: 334, NEWLY_ESCAPED: 300, AVERAGE_LIVING: 2000 }, 2023: { POOR: 0, NEAR_POOR: 142, NEWLY_ESCAPED: 400, AVERAGE_LIVING: 2000 } },
};

const STATUSES = ['POOR', 'NEAR_POOR', 'NEWLY_ESCAPED', 'AVERAGE_LIVING'] as const;

/** A registry where household i of a district has, in each review, the status whose index range holds i. */
function fakeRegistry(code: string): DistrictRegistry & { statusOf(id: string, year: number): string | undefined } {
  const sizes = SIZES[code]!;
  const total = Math.max(...Object.values(sizes).map((year) => STATUSES.reduce((n, s) => n + year[s], 0)));
  const communes = Array.from({ length: 5 }, (_, i) => ({ code: `${code}0${i}`.slice(0, 5).padEnd(5, '0'), name: `Xã ${i}` }));
  const households: DemoHousehold[] = Array.from({ length: total }, (_, i) => ({
    id: `${code}-${i}`,
    code: `T-${code}-${i}`,
    headName: 'Nguyễn Văn A',
    communeCode: communes[i % communes.length]!.code,
    village: `Thôn ${1 + (i % 9)}`,
    registeredOn: '2015-03-01',
    members: 4,
    withoutLabourCapacity: false,
  }));
  const ranges = (year: number) => {
    let start = 0;
    return Object.fromEntries(STATUSES.map((status) => { const range = [start, start + sizes[year as 2021][status]] as const; start = range[1]; return [status, range]; }));
  };
  return {
    code,
    communes,
    households: (year, status) => {
      const range = ranges(year)[status];
      return range ? households.slice(range[0], range[1]) : [];
    },
    statusOf(id, year) {
      const i = Number(id.split('-')[1]);
      return Object.entries(ranges(year)).find(([, [from, to]]) => i >= from && i < to)?.[0];
    },
  };
}

const registries = Object.keys(SIZES).map(fakeRegistry);
const RULES = Object.fromEntries(INITIAL_PROGRAMME_RULES.map((rule) => [rule.programme, rule]));
const generated = generateCredit(2023, registries);
const district = (householdId: string) => householdId.split('-')[0]!;
const allLoans = (years: CreditYear[]) => years.flatMap((y) => y.loans);

describe('generateCredit', () => {
  it('lends exactly the planned turnover over the planned number of loans, per district and year', () => {
    for (const plan of CREDIT_PLANS) {
      for (const year of generated) {
        const planned = plan.years[year.year as 2021 | 2022 | 2023 | 2024];
        const loans = year.loans.filter((loan) => district(loan.householdId) === plan.districtCode);
        expect(loans).toHaveLength(planned?.loans ?? 0);
        expect(loans.reduce((sum, loan) => sum + loan.principal, 0)).toBe(planned?.turnover ?? 0);
        for (const loan of loans) expect(loan.disbursedOn.slice(0, 4)).toBe(String(year.year));
      }
    }
  });

  it('reaches Kông Chro’s balance of 31 December 2023 exactly (DESIGN §5: 190,434 million)', () => {
    const loans = allLoans(generated).filter((loan) => district(loan.householdId) === '630' && loan.disbursedOn <= '2023-12-31');
    const keys = new Set(loans.map((loan) => loan.idempotencyKey));
    const repaid = generated.flatMap((y) => y.repayments).filter((r) => keys.has(r.loanKey) && r.paidOn <= '2023-12-31').reduce((sum, r) => sum + r.amount, 0);
    expect(loans.reduce((sum, loan) => sum + loan.principal, 0) - repaid).toBe(190_434_000_000);
  });

  it('keeps every loan within its programme’s rule: status in the review before it, term, cap as the service counts it', () => {
    const byId = new Map(registries.map((r) => [r.code, r]));
    const loanOf = new Map(allLoans(generated).map((loan) => [loan.idempotencyKey, loan]));
    const owed = new Map<string, number>();
    const broken: string[] = [];
    for (const year of generated) {
      for (const loan of year.loans) {
        const rule = RULES[loan.programme]!;
        const [y, m] = [Number(loan.disbursedOn.slice(0, 4)), Number(loan.disbursedOn.slice(5, 7))];
        const status = byId.get(district(loan.householdId))!.statusOf(loan.householdId, m === 12 ? y : y - 1);
        if (rule.qualifyingStatuses.length && !rule.qualifyingStatuses.includes(status as PovertyStatus)) broken.push(`${loan.idempotencyKey}: status ${status}`);
        if (!(m <= 9 || (y === 2021 && m === 12))) broken.push(`${loan.idempotencyKey}: date ${loan.disbursedOn}`);
        if (loan.termMonths < 1 || loan.termMonths > rule.maxTermMonths) broken.push(`${loan.idempotencyKey}: term ${loan.termMonths}`);
        const key = `${loan.householdId}|${loan.programme}`;
        owed.set(key, (owed.get(key) ?? 0) + loan.principal);
        if (owed.get(key)! > rule.maxPrincipalPerHousehold) broken.push(`${loan.idempotencyKey}: owes ${owed.get(key)}`);
        if (!/^demo-2023-L\d{6}$/.test(loan.idempotencyKey)) broken.push(`${loan.idempotencyKey}: key`);
      }
      for (const repayment of year.repayments) {
        const loan = loanOf.get(repayment.loanKey)!;
        const key = `${loan.householdId}|${loan.programme}`;
        owed.set(key, owed.get(key)! - repayment.amount);
      }
    }
    expect(broken).toEqual([]);
    expect(loanOf.size).toBeGreaterThan(20_000);
  });

  it('never repays more than is owed, before the disbursement or past the horizon', () => {
    const loanOf = new Map(allLoans(generated).map((loan) => [loan.idempotencyKey, loan]));
    const paid = new Map<string, number>();
    const repayments = generated.flatMap((y) => y.repayments);
    const broken: string[] = [];
    for (const repayment of repayments) {
      const loan = loanOf.get(repayment.loanKey)!;
      if (repayment.amount <= 0 || repayment.paidOn < loan.disbursedOn || repayment.paidOn > HORIZON) broken.push(`${repayment.idempotencyKey}: ${repayment.amount} on ${repayment.paidOn}`);
      paid.set(repayment.loanKey, (paid.get(repayment.loanKey) ?? 0) + repayment.amount);
      if (paid.get(repayment.loanKey)! > loan.principal) broken.push(`${repayment.idempotencyKey}: above the principal`);
    }
    expect(broken).toEqual([]);
    expect(repayments.length).toBeGreaterThan(1000);
  });

  it('is deterministic: the same seed gives the same writes, another seed others', () => {
    expect(generateCredit(2023, registries)).toEqual(generated);
    const other = generateCredit(7, registries);
    expect(other).not.toEqual(generated);
    // Other borrowers and amounts, the same planned totals.
    expect(allLoans(other).reduce((n, loan) => n + loan.principal, 0)).toBe(allLoans(generated).reduce((n, loan) => n + loan.principal, 0));
  });

  it('leaves out districts the registry has no households for', () => {
    const years = generateCredit(2023, registries.filter((r) => r.code === '884'));
    expect(new Set(allLoans(years).map((loan) => district(loan.householdId)))).toEqual(new Set(['884']));
  });
});
