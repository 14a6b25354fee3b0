import type { DataSource } from 'typeorm';
import { InfrastructureProject, WorkCategory, WorkKind } from '../entities';
import { areaYearKey, type AreaYearRequest } from '@povgraph/subgraph-kit';
import { areaRows, type AreaYear } from './areas';

/** Dự án 1 figures of one category of work in an area and year. */
export interface CategoryFigures {
  category: WorkCategory;
  works: number;
  maintenanceWorks: number;
  investmentCapital: number;
  recurrentCapital: number;
  disbursed: number;
}

/** Dự án 1 in one area and programme year, as `InfrastructureReport` shows it. */
export interface InfrastructureFigures extends Omit<CategoryFigures, 'category'> {
  areaCode: string;
  year: number;
  byCategory: CategoryFigures[];
}

interface CategoryRow {
  key: string;
  category: WorkCategory;
  works: number;
  maintenanceWorks: number;
  investmentCapital: string;
  recurrentCapital: string;
  disbursed: string;
}

const CATEGORY_ORDER = Object.values(WorkCategory);

/** Sums of bigint columns arrive as text; add them exactly and refuse to lose a đồng. */
function sumOf(values: readonly string[]): number {
  const total = values.reduce((sum, value) => sum + BigInt(value), 0n);
  if (total > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`A Dự án 1 total of ${total} đồng is beyond the safe integer range`);
  return Number(total);
}

/**
 * Area figures in SQL. A work counts once per area that contains any of its
 * communes: the communes of each area are joined to `project_communes`, and the
 * works are made DISTINCT per area before anything is counted or summed.
 */
export class InfrastructureReportService {
  constructor(private readonly dataSource: DataSource) {}

  /** Figures for many (area, year) pairs in one SQL statement; cancelled works are left out. */
  async figures(requests: readonly AreaYearRequest[]): Promise<InfrastructureFigures[]> {
    const [keys, years, communes] = areaRows(requests);
    const rows: CategoryRow[] = keys.length
      ? await this.dataSource.query(
          `WITH area(key, year, commune) AS (SELECT * FROM unnest($1::text[], $2::int[], $3::text[])),
           works AS (
             SELECT DISTINCT area.key, p.id, p.category, p.kind, p.investment_capital, p.recurrent_capital, p.disbursed
             FROM area
             JOIN project_communes pc ON pc.commune_code = area.commune
             JOIN infrastructure_projects p ON p.id = pc.project_id
             WHERE p.programme_year = area.year AND p.status <> 'CANCELLED'
           )
           SELECT key, category,
                  count(*) FILTER (WHERE kind = '${WorkKind.NEW_WORK}')::int AS works,
                  count(*) FILTER (WHERE kind = '${WorkKind.MAINTENANCE}')::int AS "maintenanceWorks",
                  sum(investment_capital)::text AS "investmentCapital",
                  sum(recurrent_capital)::text AS "recurrentCapital",
                  sum(disbursed)::text AS disbursed
           FROM works
           GROUP BY key, category`,
          [keys, years, communes],
        )
      : [];
    const byKey = new Map<string, CategoryRow[]>();
    for (const row of rows) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row]);
    return requests.map((request) => {
      const categories = (byKey.get(areaYearKey(request)) ?? [])
        .map((row) => ({
          category: row.category,
          works: row.works,
          maintenanceWorks: row.maintenanceWorks,
          investmentCapital: sumOf([row.investmentCapital]),
          recurrentCapital: sumOf([row.recurrentCapital]),
          disbursed: sumOf([row.disbursed]),
        }))
        .sort((a, b) => CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category));
      const mine = byKey.get(areaYearKey(request)) ?? [];
      return {
        areaCode: request.areaCode,
        year: request.year,
        // Each work has one category, so the categories partition the area's works.
        works: categories.reduce((sum, c) => sum + c.works, 0),
        maintenanceWorks: categories.reduce((sum, c) => sum + c.maintenanceWorks, 0),
        investmentCapital: sumOf(mine.map((row) => row.investmentCapital)),
        recurrentCapital: sumOf(mine.map((row) => row.recurrentCapital)),
        disbursed: sumOf(mine.map((row) => row.disbursed)),
        byCategory: categories,
      };
    });
  }

  /**
   * The works serving any commune of each area (of the year, or every year when
   * it is null), every status, by programme year, name and id: one SQL statement.
   */
  async projectsIn(requests: readonly AreaYear[]): Promise<InfrastructureProject[][]> {
    const [keys, years, communes] = areaRows(requests);
    if (keys.length === 0) return requests.map(() => []);
    const { entities, raw } = await this.dataSource
      .getRepository(InfrastructureProject)
      .createQueryBuilder('p')
      .innerJoin(
        (hits) =>
          hits
            .select('pc.project_id', 'project_id')
            .addSelect('array_agg(DISTINCT area.key)', 'keys')
            .from('project_communes', 'pc')
            .innerJoin('(SELECT * FROM unnest(CAST(:keys AS text[]), CAST(:years AS int[]), CAST(:communes AS text[])) AS t(key, year, commune))', 'area', 'area.commune = pc.commune_code')
            .innerJoin('infrastructure_projects', 'hit', 'hit.id = pc.project_id AND (area.year IS NULL OR hit.programme_year = area.year)')
            .groupBy('pc.project_id'),
        'touching',
        'touching.project_id = p.id',
      )
      .addSelect('touching.keys', 'touching_keys')
      .setParameters({ keys, years, communes })
      .orderBy('p.programme_year')
      .addOrderBy('p.name')
      .addOrderBy('p.id')
      .getRawAndEntities<{ p_id: string; touching_keys: string[] }>();
    const byId = new Map(entities.map((project) => [project.id, project]));
    const lists = new Map<string, InfrastructureProject[]>(requests.map((request) => [areaYearKey(request), []]));
    // Raw rows come in the ORDER BY order, one per work.
    for (const row of raw) {
      for (const key of row.touching_keys) lists.get(key)?.push(byId.get(row.p_id)!);
    }
    return requests.map((request) => lists.get(areaYearKey(request)) ?? []);
  }
}
