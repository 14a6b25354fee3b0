export type SortDirection = 'asc' | 'desc';

/**
 * Rows sorted by a column's value: numbers numerically, text in Vietnamese
 * order; missing values (a programme that did not answer) always last.
 */
export function sortRows<T>(rows: readonly T[], value: (row: T) => number | string | null | undefined, direction: SortDirection): T[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x == null || y == null) return x == null ? (y == null ? 0 : 1) : -1;
    if (typeof x === 'number' && typeof y === 'number') return sign * (x - y);
    return sign * String(x).localeCompare(String(y), 'vi');
  });
}
