import DataLoader from 'dataloader';
import { rowsByKey as byKey, rowsGroupedByKey as groupByKey } from '@povgraph/db';
import { In, type DataSource } from 'typeorm';
import { HousingSupport } from './entities';
import type { Services } from './services';
import type { AreaYear, HousingFigures } from './services/HousingReportService';
import { isUuid } from './validation';

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
