/**
 * DataLoader batch functions must answer one entry per key, in key order. These
 * line the rows of one SQL statement up with the keys.
 */

/** The row of each key, or null where none matched. */
export function rowsByKey<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): Array<V | null> {
  const index = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => index.get(key) ?? null);
}

/** The rows of each key (possibly none), in the rows' order. */
export function rowsGroupedByKey<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}
