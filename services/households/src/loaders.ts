import DataLoader from 'dataloader';
import { rowsByKey as byKey, rowsGroupedByKey as groupByKey } from '@povgraph/db';
import { In, type DataSource } from 'typeorm';
import { AdminUnit, AdminUnitSuccession, Assessment, Household, PovertyStandard, ReductionTarget } from './entities';
import type { Services } from './services';
import type { PovertyFigures } from './services/PovertyReportService';
import type { CoverageFigures } from './services/CoverageService';
import type { Caller } from '@povgraph/auth';
import { isUuid } from './validation';

/**
 * Per-request loaders: whatever the number of parents in one query-plan fetch,
 * each kind of child costs one SQL statement.
 */
export function createLoaders(dataSource: DataSource, services: Services, caller: Caller | null, requestId: string) {
  const households = dataSource.getRepository(Household);
  return {
    householdById: new DataLoader<string, Household | null>(async (ids) => {
      const valid = ids.filter(isUuid);
      return byKey(ids, valid.length ? await households.findBy({ id: In(valid) }) : [], (row) => row.id);
    }),
    householdByCode: new DataLoader<string, Household | null>(async (codes) =>
      byKey(codes, await households.findBy({ code: In([...codes]) }), (row) => row.code),
    ),
    assessmentsByHousehold: new DataLoader<string, Assessment[]>(async (ids) =>
      groupByKey(ids, await dataSource.getRepository(Assessment).find({ where: { householdId: In([...ids]) }, order: { year: 'ASC' } }), (row) => row.householdId),
    ),
    /**
     * Key: `${householdId}|${date}` → the status of the latest review carried out by
     * then. One statement for the batch, reading only statuses: agencies ask this for
     * every write they check (a thousand households at a time for imports).
     */
    statusOn: new DataLoader<string, string | null>(async (keys) => {
      const pairs = keys.map((key) => key.split('|') as [string, string]);
      const valid = pairs.filter(([id]) => isUuid(id));
      const rows: Array<{ key: string; status: string }> = valid.length
        ? await dataSource.query(
            `SELECT DISTINCT ON (k.id, k.on_date) k.id || '|' || k.on_date::text AS key, a.status
             FROM unnest($1::uuid[], $2::date[]) AS k(id, on_date)
             JOIN assessments a ON a.household_id = k.id AND a.assessed_on <= k.on_date
             ORDER BY k.id, k.on_date, a.assessed_on DESC, a.year DESC`,
            [valid.map(([id]) => id), valid.map(([, date]) => date)],
          )
        : [];
      const found = new Map(rows.map((row) => [row.key, row.status]));
      return keys.map((key) => found.get(key) ?? null);
    }),
    adminUnit: new DataLoader<string, AdminUnit | null>(async (codes) =>
      byKey(codes, await services.adminUnits.latestVersions(codes), (row) => row.code),
    ),
    adminUnitVersions: new DataLoader<string, AdminUnit[]>(async (codes) =>
      groupByKey(codes, await services.adminUnits.versions(codes), (row) => row.code),
    ),
    childLinks: new DataLoader(async (parents: readonly string[]) =>
      groupByKey(parents, await services.adminUnits.childLinks(parents), (row) => row.parentCode),
    ),
    communeCodes: new DataLoader<string, string[]>(async (roots) => {
      const byRoot = await services.adminUnits.communeCodesUnder(roots);
      return roots.map((root) => byRoot.get(root) ?? []);
    }),
    inPoorDistrict: new DataLoader<string, boolean>(async (codes) => {
      const poor = await services.adminUnits.inPoorDistrict(codes);
      return codes.map((code) => poor.get(code) ?? false);
    }),
    successors: new DataLoader<string, AdminUnitSuccession[]>(async (codes) =>
      groupByKey(codes, await services.adminUnits.successions(codes, 'from'), (row) => row.fromCode),
    ),
    predecessors: new DataLoader<string, AdminUnitSuccession[]>(async (codes) =>
      groupByKey(codes, await services.adminUnits.successions(codes, 'to'), (row) => row.toCode),
    ),
    /** Key: `${areaCode}|${year}`. */
    poverty: new DataLoader<string, PovertyFigures>(async (keys) => {
      const requests = keys.map((key) => {
        const [areaCode, year] = key.split('|');
        return { areaCode: areaCode!, year: Number(year) };
      });
      return services.povertyReports.figures(requests);
    }),
    /**
     * Key: `${areaCode}|${year}`. Coverage asks the other agencies once per area and
     * year in a request, however many of its fields the query selects.
     */
    coverage: new DataLoader<string, CoverageFigures>(
      (keys) =>
        Promise.all(
          keys.map((key) => {
            const [areaCode, year] = key.split('|');
            return services.coverage.figures(caller!, areaCode!, Number(year), requestId);
          }),
        ),
      { batch: false },
    ),
    targetsByUnit: new DataLoader<string, ReductionTarget[]>(async (codes) =>
      groupByKey(codes, await dataSource.getRepository(ReductionTarget).find({ where: { unitCode: In([...codes]) }, order: { year: 'ASC', indicator: 'ASC' } }), (row) => row.unitCode),
    ),
    /** All standards (a handful of rows), read once per request. */
    standards: new DataLoader<'all', PovertyStandard[]>(async (keys) => {
      const all = await services.standards.list();
      return keys.map(() => all);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
