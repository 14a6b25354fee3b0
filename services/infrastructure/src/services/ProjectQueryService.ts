import type { DataSource } from 'typeorm';
import { badUserInput } from '@povgraph/errors';
import { InfrastructureProject, type WorkCategory } from '../entities';
import { decodeCursor, isUuid, pageOf, requirePageSize, requireYear, type Page } from '@povgraph/validation';

export type ProjectPage = Page<InfrastructureProject>;

export interface ProjectFilter {
  communeCode?: string | null;
  year?: number | null;
  category?: WorkCategory | null;
  first: number;
  after?: string | null;
}

/** A cursor holds the last work's sort key: programme year, name, id. */
function decodeProjectPosition(cursor: string): [number, string, string] {
  const [year, name, id] = decodeCursor(cursor, 3);
  if (!Number.isInteger(year) || typeof name !== 'string' || typeof id !== 'string' || !isUuid(id)) {
    throw badUserInput('after', 'The cursor is not one this service gave out; pass pageInfo.endCursor of the previous page.');
  }
  return [year as number, name, id];
}

/** Keyset pagination over the works, ordered by programme year, name and id. */
export class ProjectQueryService {
  constructor(private readonly dataSource: DataSource) {}

  async page(filter: ProjectFilter): Promise<ProjectPage> {
    requirePageSize(filter.first);
    if (filter.communeCode != null && !/^\d{5}$/.test(filter.communeCode)) {
      throw badUserInput('communeCode', `${filter.communeCode} is not a commune code (5 digits); for a district or province ask adminUnit(code: "${filter.communeCode}") { infrastructureProjects }.`);
    }
    if (filter.year != null) requireYear('year', filter.year);
    const after = filter.after ? decodeProjectPosition(filter.after) : null;
    const base = () => {
      const query = this.dataSource.getRepository(InfrastructureProject).createQueryBuilder('p');
      if (filter.communeCode != null) {
        query.andWhere('EXISTS (SELECT 1 FROM project_communes pc WHERE pc.project_id = p.id AND pc.commune_code = :communeCode)', { communeCode: filter.communeCode });
      }
      if (filter.year != null) query.andWhere('p.programme_year = :year', { year: filter.year });
      if (filter.category != null) query.andWhere('p.category = :category', { category: filter.category });
      return query;
    };
    const pageQuery = base().orderBy('p.programme_year').addOrderBy('p.name').addOrderBy('p.id').limit(filter.first + 1);
    if (after) pageQuery.andWhere('(p.programme_year, p.name, p.id) > (:afterYear, :afterName, :afterId)', { afterYear: after[0], afterName: after[1], afterId: after[2] });
    return pageOf(await pageQuery.getMany(), filter.first, (project) => [project.programmeYear, project.name, project.id], () => base().getCount());
  }
}
