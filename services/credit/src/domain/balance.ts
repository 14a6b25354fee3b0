/** Where a loan stands on a day (LoanStatus in the SDL). */
export enum LoanStatus {
  ACTIVE = 'ACTIVE',
  OVERDUE = 'OVERDUE',
  REPAID = 'REPAID',
}

export interface LoanTerms {
  principal: number;
  disbursedOn: string;
  maturesOn: string;
}

export interface Payment {
  paidOn: string;
  amount: number;
}

/** Principal repaid up to the end of `asOf`. */
export function repaidBy(repayments: readonly Payment[], asOf: string): number {
  let total = 0;
  for (const repayment of repayments) if (repayment.paidOn <= asOf) total += repayment.amount;
  return total;
}

/** Dư nợ at the end of `asOf`: principal less repayments so far; 0 before disbursement. */
export function outstandingOn(loan: LoanTerms, repayments: readonly Payment[], asOf: string): number {
  if (asOf < loan.disbursedOn) return 0;
  return loan.principal - repaidBy(repayments, asOf);
}

/** Nợ quá hạn: the whole outstanding balance once `asOf` is past the maturity date (due on it, overdue after). */
export function overdueOn(loan: LoanTerms, repayments: readonly Payment[], asOf: string): number {
  return asOf > loan.maturesOn ? outstandingOn(loan, repayments, asOf) : 0;
}

/** ACTIVE / OVERDUE / REPAID on `asOf`; null before the loan was disbursed. */
export function loanStatusOn(loan: LoanTerms, repayments: readonly Payment[], asOf: string): LoanStatus | null {
  if (asOf < loan.disbursedOn) return null;
  if (outstandingOn(loan, repayments, asOf) === 0) return LoanStatus.REPAID;
  return asOf > loan.maturesOn ? LoanStatus.OVERDUE : LoanStatus.ACTIVE;
}

/**
 * The most a repayment dated `paidOn` may be: the balance on that day, and no more
 * than what remains after every repayment already recorded (some may be dated later).
 */
export function repayableOn(loan: LoanTerms, repayments: readonly Payment[], paidOn: string): { balanceOn: number; remaining: number; max: number } {
  const balanceOn = outstandingOn(loan, repayments, paidOn);
  const remaining = loan.principal - repaidBy(repayments, '9999-12-31');
  return { balanceOn, remaining, max: Math.min(balanceOn, remaining) };
}

