/** The two capitals of a work and what has been paid out of them. */
export interface Capital {
  investmentCapital: number;
  recurrentCapital: number;
  disbursed: number;
}

/** Tổng vốn: development investment plus recurrent capital. */
export const totalCapital = (capital: Pick<Capital, 'investmentCapital' | 'recurrentCapital'>): number => capital.investmentCapital + capital.recurrentCapital;

/** What may still be disbursed (never negative). */
export const remainingCapital = (capital: Capital): number => Math.max(0, totalCapital(capital) - capital.disbursed);

/** "12,500,000 đồng": amounts in messages, grouped so a clerk can read them. */
export const formatDong = (amount: number): string => `${amount.toLocaleString('en-US')} đồng`;

/** Why a work's capital is not acceptable, or null: a work needs some capital of one kind or the other. */
export function capitalProblem(capital: Pick<Capital, 'investmentCapital' | 'recurrentCapital'>): string | null {
  if (totalCapital(capital) === 0) return 'A work needs capital: investment capital (vốn đầu tư phát triển), recurrent capital (vốn sự nghiệp) or both must be more than 0.';
  if (!Number.isSafeInteger(totalCapital(capital))) return `The two capitals together must stay below ${formatDong(Number.MAX_SAFE_INTEGER)}.`;
  return null;
}

/**
 * Why a disbursement of `amount` may not be paid, or null: it must be more than 0
 * and keep the total disbursed within the work's capital, naming what is left.
 */
export function disbursementProblem(capital: Capital, amount: number): string | null {
  if (!Number.isSafeInteger(amount) || amount <= 0) return `A disbursement must be a whole number of đồng, more than 0; got ${amount}.`;
  const remaining = remainingCapital(capital);
  if (amount > remaining) {
    return remaining === 0
      ? `The work's whole capital of ${formatDong(totalCapital(capital))} is already disbursed; nothing is left to pay.`
      : `Only ${formatDong(remaining)} of the work's ${formatDong(totalCapital(capital))} capital is left to disburse (${formatDong(capital.disbursed)} already paid); ${formatDong(amount)} is too much.`;
  }
  return null;
}
