import DataLoader from 'dataloader';
import { rowsByKey as byKey, rowsGroupedByKey as groupByKey } from '@povgraph/db';
import { In, type DataSource } from 'typeorm';
import { Disbursement, InfrastructureProject, ProjectCommune } from './entities';
import type { Services } from './services';
import { areaYearKey, type AreaYearRequest } from '@povgraph/subgraph-kit';
import type { AreaYear } from './services/areas';
import type { InfrastructureFigures } from './services/InfrastructureReportService';
import { isUuid } from '@povgraph/validation';

/**
 * Per-request loaders: whatever the number of parents in one query-plan fetch,
 * each kind of child costs one SQL statement.
 */
export function createLoaders(dataSource: DataSource, services: Services) {
  return {
    projectById: new DataLoader<string, InfrastructureProject | null>(async (ids) => {
      const valid = ids.filter(isUuid);
      return byKey(ids, valid.length ? await dataSource.getRepository(InfrastructureProject).findBy({ id: In(valid) }) : [], (row) => row.id);
    }),
    /** Commune codes of each work, in the order they were listed. */
    communesByProject: new DataLoader<string, string[]>(async (ids) => {
      const rows = await dataSource.getRepository(ProjectCommune).find({ where: { projectId: In([...ids]) }, order: { projectId: 'ASC', position: 'ASC' } });
      return groupByKey(ids, rows, (row) => row.projectId).map((communes) => communes.map((row) => row.communeCode));
    }),
    disbursementsByProject: new DataLoader<string, Disbursement[]>(async (ids) =>
      groupByKey(ids, await dataSource.getRepository(Disbursement).find({ where: { projectId: In([...ids]) }, order: { disbursedOn: 'ASC', createdAt: 'ASC' } }), (row) => row.projectId),
    ),
    /** Key: an area with its communes and a year; cached as `code|year`. */
    report: new DataLoader<AreaYearRequest, InfrastructureFigures, string>((requests) => services.reports.figures(requests), { cacheKeyFn: areaYearKey }),
    /** Key: an area with its communes and a year (or null for every year); cached as `code|year`. */
    projectsInArea: new DataLoader<AreaYear, InfrastructureProject[], string>((requests) => services.reports.projectsIn(requests), { cacheKeyFn: areaYearKey }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
