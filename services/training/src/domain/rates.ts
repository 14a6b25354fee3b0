/** Percent with 2 decimals, in hundredths of a point, computed on integers so 33.785 never drifts. */
export const rateInHundredths = (part: number, total: number) => (total === 0 ? 0 : Math.round((part * 10_000) / total));

/** Percent with 2 decimals, e.g. 2 of 3 → 66.67; 0 when the total is 0. */
export const percent = (part: number, total: number) => rateInHundredths(part, total) / 100;
