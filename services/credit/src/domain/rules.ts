import { CreditProgramme, type PovertyStatus } from '../entities/ProgrammeRule';

/** The programmes in the order the SDL declares them (reports list them this way). */
export const PROGRAMME_ORDER: readonly CreditProgramme[] = Object.values(CreditProgramme);

interface Dated {
  programme: string;
  validFrom: string;
  validTo: string | null;
}

/** The rule of `programme` in force on `on` (the latest one starting by then), or undefined. */
export function ruleInForce<T extends Dated>(rules: readonly T[], programme: string, on: string): T | undefined {
  let chosen: T | undefined;
  for (const rule of rules) {
    if (rule.programme !== programme || rule.validFrom > on || (rule.validTo !== null && rule.validTo < on)) continue;
    if (!chosen || rule.validFrom > chosen.validFrom) chosen = rule;
  }
  return chosen;
}

/** One rule per programme in force on `on`, in programme order. */
export function rulesInForce<T extends Dated>(rules: readonly T[], on: string): T[] {
  return PROGRAMME_ORDER.map((programme) => ruleInForce(rules, programme, on)).filter((rule): rule is T => rule !== undefined);
}

/**
 * Whether a household with `status` on the disbursement date may borrow under a
 * rule: an empty list means any registered household, reviewed or not; otherwise
 * the household needs a review, and its status must be listed.
 */
export function qualifies(qualifyingStatuses: readonly PovertyStatus[], status: PovertyStatus | null): boolean {
  return qualifyingStatuses.length === 0 || (status !== null && qualifyingStatuses.includes(status));
}

/** The statuses of a rule for a clerk: "POOR", "POOR or NEAR_POOR", "POOR, NEAR_POOR or NEWLY_ESCAPED". */
export function describeStatuses(statuses: readonly string[]): string {
  if (statuses.length <= 1) return statuses.join('');
  return `${statuses.slice(0, -1).join(', ')} or ${statuses.at(-1)}`;
}

/**
 * The overdue rate: `percentOfNormal` % of the annual rate, computed in thousandths
 * of a percent (rates have 3 decimals) and rounded half up, so 7.92 × 130 % is
 * exactly 10.296.
 */
export function overdueRateOf(annualRate: number, percentOfNormal: number): number {
  const thousandths = Math.round(annualRate * 1000);
  return Math.round((thousandths * percentOfNormal) / 100) / 1000;
}

/**
 * `date` plus `months` calendar months; a day missing in the target month becomes
 * its last day (2024-01-31 + 1 month = 2024-02-29), as PostgreSQL's date + interval.
 */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(targetYear, 4)}-${pad(targetMonth + 1)}-${pad(Math.min(day, lastDay))}`;
}

/** What the cap allows: `owed` is the household's outstanding principal under the programme. */
export function capCheck(cap: number, owed: number, principal: number): { allowed: boolean; headroom: number } {
  const headroom = Math.max(0, cap - owed);
  return { allowed: principal <= headroom, headroom };
}

/** 100000000 → "100,000,000 đ". */
export const formatVnd = (amount: number) => `${amount.toLocaleString('en-US')} đ`;
