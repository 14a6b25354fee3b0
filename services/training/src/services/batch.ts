/**
 * Every write of this service goes through a bulk method; the single mutation is
 * a batch of one. `FieldOf` names an item in errors: `inputs.3` for a batch,
 * `input` for a mutation's input object, `''` for a mutation's top-level arguments.
 */
export type FieldOf = (index: number) => string;

export const itemOfBatch: FieldOf = (index) => `inputs.${index}`;

/** `inputs.3` + `enrolledOn` → `inputs.3.enrolledOn`; `''` + `completedOn` → `completedOn`. */
export const fieldAt = (prefix: string, name: string): string => (prefix ? `${prefix}.${name}` : name);

/** Rows per INSERT or UPDATE statement of a batch. */
export const WRITE_CHUNK = 5000;

/** Splits `items` into chunks of WRITE_CHUNK. */
export function chunks<T>(items: readonly T[], size = WRITE_CHUNK): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}
