import type { ColumnOptions, ValueTransformer } from 'typeorm';

/**
 * PostgreSQL `bigint` arrives from `pg` as a string (it may exceed 2^53). Money in
 * povgraph is whole đồng and always a safe integer, so convert exactly and refuse
 * anything that would lose precision rather than round silently.
 */
export const MoneyTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => {
    if (value === null || value === undefined) return value;
    if (!Number.isSafeInteger(value)) throw new RangeError(`Money must be a safe integer of đồng; got ${value}`);
    return String(value);
  },
  from: (value: string | number | null) => {
    if (value === null) return null;
    const amount = Number(value);
    if (!Number.isSafeInteger(amount)) throw new RangeError(`Stored money ${value} is beyond the safe integer range`);
    return amount;
  },
};

/** Column options for an amount of đồng: `bigint` in PostgreSQL, `number` in TypeScript. */
export function moneyColumn(options: Omit<ColumnOptions, 'type' | 'transformer'> = {}): ColumnOptions {
  return { ...options, type: 'bigint', transformer: MoneyTransformer };
}
