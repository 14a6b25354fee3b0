import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { HousingSupport } from './entities';
import type { Services } from './services';
import type { AreaYear, HousingFigures } from './services/HousingReportService';
import { isUuid } from './validation';

/** Lines the rows up with the keys: one entry per key, null where none matched. */
function byKey<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): Array<V | null> {
  const index = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => index.get(key) ?? null);
}

function groupByKey<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

/**
 * Per-request loaders: whatever the number of parents in one query-plan fetch,
 * each kind of child costs one SQL statement.
 */
export function createLoaders(dataSource: DataSource, services: Services) {
  const supports = dataSource.getRepository(HousingSupport);
  return {
    supportById: new DataLoader<string, HousingSupport | null>(async (ids) => {
      const valid = ids.filter(isUuid);
      return byKey(ids, valid.length ? await supports.findBy({ id: In(valid) }) : [], (row) => row.id);
    }),
    supportsByHousehold: new DataLoader<string, HousingSupport[]>(async (householdIds) => {
      const valid = householdIds.filter(isUuid);
      const rows = valid.length ? await supports.find({ where: { householdId: In(valid) }, order: { approvedOn: 'ASC', createdAt: 'ASC' } }) : [];
      return groupByKey(householdIds, rows, (row) => row.householdId);
    }),
    /** Key: an area, a year and its communes; cached by `code|year`. */
    housingReport: new DataLoader<AreaYear, HousingFigures, string>((requests) => services.reports.figures(requests), {
      cacheKeyFn: ({ code, year }) => `${code}|${year}`,
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
