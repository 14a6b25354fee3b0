import DataLoader from 'dataloader';
import { rowsByKey as byKey, rowsGroupedByKey as groupByKey } from '@povgraph/db';
import { In, type DataSource } from 'typeorm';
import { HousingSupport } from './entities';
import type { Services } from './services';
import { areaYearKey, type AreaYearRequest } from '@povgraph/subgraph-kit';
import type { HousingFigures } from './services/HousingReportService';
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
    /**
     * Whether each household had support approved in the year and not cancelled;
     * key: household id and year, one statement for any mix of both.
     */
    supportedInYear: new DataLoader<{ householdId: string; year: number }, boolean, string>(
      async (keys) => {
        const valid = keys.filter((key) => isUuid(key.householdId));
        const rows: Array<{ key: string }> = valid.length
          ? await dataSource.query(
              `SELECT DISTINCT k.household_id || '|' || k.year AS key
               FROM unnest($1::uuid[], $2::int[]) AS k(household_id, year)
               JOIN housing_supports s ON s.household_id = k.household_id
                AND s.approved_on BETWEEN make_date(k.year, 1, 1) AND make_date(k.year, 12, 31)
                AND s.status <> 'CANCELLED'`,
              [valid.map((key) => key.householdId), valid.map((key) => key.year)],
            )
          : [];
        const found = new Set(rows.map((row) => row.key));
        return keys.map(({ householdId, year }) => found.has(`${householdId.toLowerCase()}|${year}`));
      },
      { cacheKeyFn: ({ householdId, year }) => `${householdId}|${year}` },
    ),
    /** Key: an area, a year and its communes; cached by `code|year`. */
    housingReport: new DataLoader<AreaYearRequest, HousingFigures, string>((requests) => services.reports.figures(requests), { cacheKeyFn: areaYearKey }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
