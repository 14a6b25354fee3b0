import { apportion, randomParts, randomSource, type DemoCommune, type DemoHousehold, type Random } from '@povgraph/demo';
import { addMonths } from '../domain/rules';
import { INITIAL_PROGRAMME_RULES } from '../domain/programmes';
import { CreditProgramme, EntrustingOrganisation, PovertyStatus } from '../entities';
import type { DisburseLoanInput, RecordRepaymentInput } from '../generated/resolvers';
import { CREDIT_PLANS, HORIZON, PLAN_YEARS, type DistrictPlan } from './plan';

/** What the generator needs from the registry about one district. */
export interface DistrictRegistry {
  code: string;
  communes: DemoCommune[];
  /** Households the review of `year` classified as `status`, ordered by registry code. */
  households(year: number, status: PovertyStatus): readonly DemoHousehold[];
}

/** A repayment to record, naming its loan by the loan's idempotency key (its id is known once disbursed). */
export interface PlannedRepayment extends Omit<RecordRepaymentInput, 'loanId'> {
  loanKey: string;
}

/** One year's writes: its disbursements first, then the repayments dated in it. */
export interface CreditYear {
  year: number;
  loans: DisburseLoanInput[];
  repayments: PlannedRepayment[];
}

const { POOR, NEAR_POOR, NEWLY_ESCAPED } = PovertyStatus;
const P = CreditProgramme;
const MILLION = 1_000_000;
/** Repayment installments are whole hundreds of thousands of đồng. */
const INSTALMENT_STEP = 100_000;

/**
 * The statuses the demo reads from the registry. Student and clean-water loans
 * may go to any household, but the demo gives them to the programme's priority
 * groups only: reading every average-living household (most of Châu Đốc) through
 * the graph would double what the seed reads for a few hundred loans.
 */
export const POOL_STATUSES = [POOR, NEAR_POOR, NEWLY_ESCAPED] as const;

/** Who each programme lends to (the rules of migration 2, which the service checks again). */
const POOLS: Record<CreditProgramme, readonly PovertyStatus[]> = {
  [P.POOR_HOUSEHOLD]: [POOR],
  [P.HOUSING]: [POOR],
  [P.NEAR_POOR_HOUSEHOLD]: [NEAR_POOR],
  [P.NEWLY_ESCAPED_HOUSEHOLD]: [NEWLY_ESCAPED],
  [P.STUDENT]: [POOR, NEAR_POOR, NEWLY_ESCAPED],
  [P.LABOUR_EXPORT]: [POOR, NEAR_POOR, NEWLY_ESCAPED],
  // Any registered household; the demo lends to the priority groups it reads anyway.
  [P.CLEAN_WATER_SANITATION]: [NEAR_POOR, NEWLY_ESCAPED, POOR],
};

const CAP = Object.fromEntries(INITIAL_PROGRAMME_RULES.map((rule) => [rule.programme, rule.maxPrincipalPerHousehold])) as Record<CreditProgramme, number>;

/** Typical loan of the smaller programmes (đồng); the household programmes take the rest of the turnover. */
const TYPICAL: Partial<Record<CreditProgramme, number>> = {
  [P.CLEAN_WATER_SANITATION]: 18 * MILLION,
  [P.STUDENT]: 30 * MILLION,
  [P.LABOUR_EXPORT]: 60 * MILLION,
};
/** Decision 33/2015: 25 million đồng per house. */
const HOUSING_LOAN = 25 * MILLION;

const TERMS: Record<CreditProgramme, readonly number[]> = {
  [P.POOR_HOUSEHOLD]: [24, 36, 36, 48, 60, 60],
  [P.NEAR_POOR_HOUSEHOLD]: [36, 48, 60],
  [P.NEWLY_ESCAPED_HOUSEHOLD]: [24, 36, 48, 60],
  [P.STUDENT]: [84, 96, 120],
  [P.LABOUR_EXPORT]: [12, 24, 36],
  [P.CLEAN_WATER_SANITATION]: [36, 48, 60],
  [P.HOUSING]: [180],
};

/** Programmes repaid only after a grace period longer than the dataset (students after graduating; Decision 33 after 5 years). */
const GRACE: ReadonlySet<CreditProgramme> = new Set([P.STUDENT, P.HOUSING]);

const PURPOSES: Record<CreditProgramme, readonly string[]> = {
  [P.POOR_HOUSEHOLD]: ['Nuôi bò sinh sản', 'Trồng cà phê', 'Trồng mì (sắn)', 'Nuôi heo thịt', 'Trồng keo lai', 'Mua máy cày mini', 'Trồng lúa nước', 'Nuôi dê'],
  [P.NEAR_POOR_HOUSEHOLD]: ['Nuôi bò sinh sản', 'Trồng hồ tiêu', 'Nuôi heo nái', 'Buôn bán nhỏ', 'Trồng điều', 'Nuôi gà thả vườn'],
  [P.NEWLY_ESCAPED_HOUSEHOLD]: ['Mở rộng chăn nuôi bò', 'Trồng sầu riêng', 'Mua máy xay xát', 'Mở tiệm tạp hóa', 'Nuôi cá lồng'],
  [P.STUDENT]: ['Học phí và sinh hoạt phí cho con học đại học', 'Học phí cho con học cao đẳng nghề'],
  [P.LABOUR_EXPORT]: ['Chi phí đi làm việc tại Hàn Quốc theo hợp đồng', 'Chi phí đi làm việc tại Nhật Bản theo hợp đồng', 'Chi phí đi làm việc tại Đài Loan theo hợp đồng'],
  [P.CLEAN_WATER_SANITATION]: ['Xây công trình nước sạch', 'Xây nhà tiêu hợp vệ sinh', 'Khoan giếng và bể lọc nước'],
  [P.HOUSING]: ['Xây mới nhà ở (Quyết định 33/2015/QĐ-TTg)', 'Sửa chữa nhà ở (Quyết định 33/2015/QĐ-TTg)'],
};

const UNIONS = [EntrustingOrganisation.FARMERS_UNION, EntrustingOrganisation.WOMENS_UNION, EntrustingOrganisation.VETERANS_ASSOCIATION, EntrustingOrganisation.YOUTH_UNION];

/** A small deterministic string hash (FNV-1a): a village's group always has the same union. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

const unionOfGroup = new Map<string, EntrustingOrganisation>();
/** The union entrusted with a village's savings-and-loan group (the same for every loan of the group). */
function unionOf(communeCode: string, group: string): EntrustingOrganisation {
  const key = `${communeCode} ${group}`;
  let union = unionOfGroup.get(key);
  if (!union) unionOfGroup.set(key, (union = UNIONS[hash(key) % UNIONS.length]!));
  return union;
}

/** "Làng Tơ Pơ" → "Tổ TK&VV làng Tơ Pơ" (one savings-and-loan group per village here). */
const savingsGroupOf = (village: string) => `Tổ TK&VV ${village.charAt(0).toLowerCase()}${village.slice(1)}`;

const pad = (n: number) => String(n).padStart(2, '0');

/** A loan being simulated: its input and what it has repaid so far. */
interface SimLoan {
  input: DisburseLoanInput;
  /** Instalment dates (anniversaries, the last at maturity); none during a grace period. */
  schedule: string[];
  paid: number;
  /** Stops paying after its first instalment (nợ quá hạn once it matures). */
  inArrears: boolean;
}

/**
 * The demo's disbursements and repayments, year by year, from `seed` and the
 * registry: pure and deterministic. Turnovers and loan counts are exactly the
 * plan's; each loan passes the programme rules (status on the disbursement date,
 * registration before it, caps counted as the service counts them when the
 * batches are written year by year, terms); repayments never exceed the balance,
 * and where the plan fixes a year-end balance the last repayments of that year
 * are adjusted to reach it exactly.
 */
export function generateCredit(seed: number, registries: readonly DistrictRegistry[], plans: readonly DistrictPlan[] = CREDIT_PLANS): CreditYear[] {
  const years: CreditYear[] = PLAN_YEARS.map((year) => ({ year, loans: [], repayments: [] }));
  let loanSerial = 0;
  let repaymentSerial = 0;
  plans.forEach((plan, planIndex) => {
    const registry = registries.find((r) => r.code === plan.districtCode);
    if (!registry) return;
    const random = randomSource(seed * 7919 + planIndex * 104_729 + 17);
    const loans: SimLoan[] = [];
    /** Principal owed per household and programme as the service will see it when the year's loans are written. */
    const owed = new Map<string, number>();
    for (const [y, yearOut] of PLAN_YEARS.map((year, i) => [year, years[i]!] as const)) {
      const yearPlan = plan.years[y];
      if (yearPlan) {
        for (const input of disbursements(random, plan, registry, y, yearPlan, owed, () => `demo-${seed}-L${String(++loanSerial).padStart(6, '0')}`)) {
          loans.push({ input, schedule: scheduleOf(input), paid: 0, inArrears: random.next() < 0.03 });
          yearOut.loans.push(input);
        }
      }
      const repayments = dueIn(loans, y);
      if (plan.outstandingAt?.year === y) adjustTo(random, loans, repayments, plan.outstandingAt.amount, y);
      for (const { loan, paidOn, amount } of repayments) {
        loan.paid += amount;
        const key = `${loan.input.householdId}|${loan.input.programme}`;
        owed.set(key, owed.get(key)! - amount);
        yearOut.repayments.push({ loanKey: loan.input.idempotencyKey, paidOn, amount, idempotencyKey: `demo-${seed}-R${String(++repaymentSerial).padStart(6, '0')}` });
      }
    }
  });
  return years;
}

/** The year's loans of one district: counts and turnover exactly as planned. */
function disbursements(
  random: Random,
  plan: DistrictPlan,
  registry: DistrictRegistry,
  year: number,
  yearPlan: { turnover: number; loans: number; mix: Partial<Record<CreditProgramme, number>> },
  owed: Map<string, number>,
  nextKey: () => string,
): DisburseLoanInput[] {
  // December 2021 sees the 2021 review; January–September of Y sees the review of Y − 1.
  const reviewYear = year === 2021 ? 2021 : year - 1;
  // A programme with nobody to lend to that year (no newly escaped households at the first review) lends nothing.
  const programmes = (Object.keys(yearPlan.mix) as CreditProgramme[]).filter(
    (p) => (yearPlan.mix[p] ?? 0) > 0 && POOLS[p].some((status) => registry.households(reviewYear, status).length > 0),
  );
  const counts = apportion(yearPlan.loans, programmes.map((p) => yearPlan.mix[p]!));
  // Small programmes at their typical size; the household programmes share the rest.
  const fixed = programmes.map((p, i) => (p === P.HOUSING ? HOUSING_LOAN * counts[i]! : TYPICAL[p] ? TYPICAL[p]! * counts[i]! : 0));
  const mainIndexes = programmes.map((p, i) => (p === P.HOUSING || TYPICAL[p] ? -1 : i)).filter((i) => i >= 0);
  const rest = yearPlan.turnover - fixed.reduce((a, b) => a + b, 0);
  const mainShares = apportion(rest / MILLION, mainIndexes.map((i) => counts[i]!));
  const totals = programmes.map((_, i) => (mainIndexes.includes(i) ? mainShares[mainIndexes.indexOf(i)]! * MILLION : fixed[i]!));

  const dateIn = () => {
    const month = year === 2021 ? 12 : random.int(1, 9);
    return `${year}-${pad(month)}-${pad(plan.transactionDay)}`;
  };

  // Loans are booked in the district's communes of the time (the registry's 2023 map).
  const communes = new Set(registry.communes.map((commune) => commune.code));
  const inputs: DisburseLoanInput[] = [];
  programmes.forEach((programme, i) => {
    const count = counts[i]!;
    if (!count) return;
    const total = totals[i]!;
    const principals =
      programme === P.HOUSING ? Array.from({ length: count }, () => HOUSING_LOAN) : randomParts(random, total, count, { min: Math.floor((total / count) * 0.6 / MILLION) * MILLION, step: MILLION });
    // Households owing least under the programme first (in random order among equals): VBSP spreads its capital.
    const owedBy = (household: DemoHousehold) => owed.get(`${household.id}|${programme}`) ?? 0;
    const pool = random
      .shuffle(POOLS[programme].flatMap((status) => registry.households(reviewYear, status)).filter((household) => communes.has(household.communeCode)))
      .map((household) => ({ household, owed: owedBy(household) }))
      .sort((a, b) => a.owed - b.owed)
      .map(({ household }) => household);
    const taken = new Set<string>();
    let cursor = 0;
    // The largest loans go first, to the households owing least.
    for (const principal of [...principals].sort((a, b) => b - a)) {
      if (principal > CAP[programme]) throw new Error(`credit demo: a ${programme} loan of ${principal} in ${plan.districtCode} ${year} is above the cap; revise the plan.`);
      let chosen: { household: DemoHousehold; disbursedOn: string } | undefined;
      while (!chosen && cursor < pool.length) {
        const household = pool[cursor++]!;
        if (taken.has(household.id)) continue;
        const disbursedOn = dateIn();
        const key = `${household.id}|${programme}`;
        if (household.registeredOn > disbursedOn || (owed.get(key) ?? 0) + principal > CAP[programme]) continue;
        chosen = { household, disbursedOn };
      }
      if (!chosen) throw new Error(`credit demo: not enough households for ${programme} loans in ${plan.districtCode} ${year}; revise the plan.`);
      const { household, disbursedOn } = chosen;
      taken.add(household.id);
      const key = `${household.id}|${programme}`;
      owed.set(key, (owed.get(key) ?? 0) + principal);
      const group = savingsGroupOf(household.village);
      inputs.push({
        householdId: household.id,
        programme,
        principal,
        termMonths: random.pick(TERMS[programme]),
        disbursedOn,
        transactionOffice: plan.transactionOffice,
        savingsGroup: group,
        entrustingOrganisation: unionOf(household.communeCode, group),
        purpose: random.pick(PURPOSES[programme]),
        idempotencyKey: nextKey(),
      });
    }
  });
  return inputs;
}

/** Instalment dates: each anniversary of the disbursement, the last at maturity; none for a programme in its grace period. */
function scheduleOf(input: DisburseLoanInput): string[] {
  if (GRACE.has(input.programme as CreditProgramme)) return [];
  const instalments = Math.ceil(input.termMonths / 12);
  return Array.from({ length: instalments }, (_, k) => addMonths(input.disbursedOn, Math.min(12 * (k + 1), input.termMonths)));
}

interface Due {
  loan: SimLoan;
  paidOn: string;
  amount: number;
}

/**
 * Instalments falling in `year`: one a year on the anniversary of the
 * disbursement, the rest at maturity; none during a grace period, none from a
 * borrower in arrears after the first; never above the balance.
 */
function dueIn(loans: readonly SimLoan[], year: number): Due[] {
  const due: Due[] = [];
  const prefix = `${year}-`;
  for (const loan of loans) {
    const { principal, termMonths } = loan.input;
    const instalments = loan.schedule.length;
    const regular = Math.floor((principal * 12) / termMonths / INSTALMENT_STEP) * INSTALMENT_STEP;
    let paidSoFar = loan.paid;
    for (let k = 1; k <= instalments; k++) {
      const paidOn = loan.schedule[k - 1]!;
      if (!paidOn.startsWith(prefix) || paidOn > HORIZON) continue;
      if (loan.inArrears && k > 1) continue;
      const balance = principal - paidSoFar;
      const amount = k === instalments ? balance : Math.min(regular, balance);
      if (amount <= 0) continue;
      due.push({ loan, paidOn, amount });
      paidSoFar += amount;
    }
  }
  return due;
}

/**
 * Changes the year's repayments so that the district's balance at 31 December is
 * exactly `target`: more collected from borrowers who paid (never above what
 * they owe), or less (never down to nothing) — the last repayments of the year.
 */
function adjustTo(random: Random, loans: readonly SimLoan[], repayments: Due[], target: number, year: number): void {
  const yearEnd = `${year}-12-31`;
  const lent = loans.filter((loan) => loan.input.disbursedOn <= yearEnd).reduce((sum, loan) => sum + loan.input.principal, 0);
  const repaid = loans.reduce((sum, loan) => sum + loan.paid, 0) + repayments.reduce((sum, due) => sum + due.amount, 0);
  let delta = lent - repaid - target;
  const order = random.shuffle(repayments.map((_, i) => i));
  const paidBy = new Map<SimLoan, number>();
  for (const due of repayments) paidBy.set(due.loan, (paidBy.get(due.loan) ?? due.loan.paid) + due.amount);
  for (const i of order) {
    if (delta === 0) break;
    const due = repayments[i]!;
    if (delta > 0) {
      // Collect more: up to a quarter of the principal more, within what is still owed.
      const owedAfter = due.loan.input.principal - paidBy.get(due.loan)!;
      const extra = Math.min(delta, owedAfter, Math.floor(due.loan.input.principal / 4 / INSTALMENT_STEP) * INSTALMENT_STEP);
      if (extra <= 0) continue;
      due.amount += extra;
      paidBy.set(due.loan, paidBy.get(due.loan)! + extra);
      delta -= extra;
    } else {
      // Collect less: keep at least one step of each repayment.
      const cut = Math.min(-delta, due.amount - INSTALMENT_STEP);
      if (cut <= 0) continue;
      due.amount -= cut;
      paidBy.set(due.loan, paidBy.get(due.loan)! - cut);
      delta += cut;
    }
  }
  if (delta !== 0) throw new Error(`credit demo: the repayments of ${year} cannot reach the planned balance (${delta} đồng off); revise the plan.`);
}
