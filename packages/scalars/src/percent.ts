/**
 * Rates in the graph are percent with 2 decimals (tỷ lệ, e.g. 33.78). One rule
 * for every subgraph, computed on integers so 33.785 never drifts: part / total
 * in hundredths of a percent, rounded half up; 0 when the total is 0. BigInt,
 * because a province's money times 10,000 passes 2^53.
 */
export function rateInHundredths(part: number, total: number): number {
  if (total === 0) return 0;
  return Number((BigInt(part) * 20_000n + BigInt(total)) / (2n * BigInt(total)));
}

/** part / total as a percent with 2 decimals: 2 of 3 → 66.67. */
export const percentWith2Decimals = (part: number, total: number): number => rateInHundredths(part, total) / 100;
