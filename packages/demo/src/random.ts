/** mulberry32: a small, fast, deterministic PRNG; the same seed gives the same dataset. */
export function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    /** An integer in [min, max]. */
    int,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    /** A copy of `items` in random order (Fisher–Yates). */
    shuffle<T>(items: readonly T[]): T[] {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(0, i);
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy;
    },
    /** A date `YYYY-MM-DD` between two dates, inclusive. */
    dateBetween(from: string, to: string): string {
      const start = Date.parse(`${from}T00:00:00Z`);
      const days = Math.round((Date.parse(`${to}T00:00:00Z`) - start) / 86_400_000);
      return new Date(start + int(0, days) * 86_400_000).toISOString().slice(0, 10);
    },
  };
}

export type Random = ReturnType<typeof randomSource>;

/**
 * Splits `total` into `count` random parts that add up to it exactly, each a
 * multiple of `step` and at least `min` (e.g. loan principals in whole millions
 * that sum to a reported turnover). `total` and `min` must be multiples of `step`.
 */
export function randomParts(random: Random, total: number, count: number, { min = 0, step = 1 }: { min?: number; step?: number } = {}): number[] {
  if (!Number.isSafeInteger(total) || !Number.isSafeInteger(count) || count < 1) throw new Error(`randomParts: bad total ${total} or count ${count}`);
  if (total % step !== 0 || min % step !== 0) throw new Error(`randomParts: ${total} and ${min} must be multiples of ${step}`);
  const units = total / step;
  const minUnits = min / step;
  const spare = units - minUnits * count;
  if (spare < 0) throw new Error(`randomParts: ${count} parts of at least ${min} exceed ${total}`);
  const weights = Array.from({ length: count }, () => 0.5 + random.next());
  return apportion(spare, weights).map((extra) => (minUnits + extra) * step);
}

/** Integer shares of `total` proportional to `weights` that add up to it exactly (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (sum === 0 ? total / weights.length : (total * w) / sum));
  const shares = exact.map(Math.floor);
  let left = total - shares.reduce((a, b) => a + b, 0);
  const order = exact.map((value, i) => ({ i, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    shares[i]! += 1;
    left -= 1;
  }
  return shares;
}
