import type { DataSource } from 'typeorm';
import { badUserInput } from '@povgraph/errors';
import { InfrastructureProject, type WorkCategory } from '../entities';
import { isUuid, requireYear } from '@povgraph/validation';

export const MAX_PAGE_SIZE = 1000;

export interface ProjectPage {
  nodes: InfrastructureProject[];
  edges: Array<{ cursor: string; node: InfrastructureProject }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /** Counted only when the client asks for totalCount. */
  totalCount: () => Promise<number>;
}

export interface ProjectFilter {
  communeCode?: string | null;
  year?: number | null;
  category?: WorkCategory | null;
  first: number;
  after?: string | null;
}

/** Where a page ends: the sort key of its last work (programme year, name, id). */
type Position = [number, string, string];

const encodeCursor = (project: InfrastructureProject) => Buffer.from(JSON.stringify([project.programmeYear, project.name, project.id]), 'utf8').toString('base64url');

function decodeCursor(cursor: string): Position {
  const refuse = () => badUserInput('after', 'The cursor is not one this service gave out; pass pageInfo.endCursor of the previous page.');
  let position: unknown;
  try {
    position = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  if (!Array.isArray(position) || position.length !== 3 || !Number.isInteger(position[0]) || typeof position[1] !== 'string' || typeof position[2] !== 'string' || !isUuid(position[2])) throw refuse();
  if (Buffer.from(JSON.stringify(position), 'utf8').toString('base64url') !== cursor) throw refuse();
  return position as Position;
}

/** Keyset pagination over the works, ordered by programme year, name and id. */
export class ProjectQueryService {
  constructor(private readonly dataSource: DataSource) {}

  async page(filter: ProjectFilter): Promise<ProjectPage> {
    if (!Number.isInteger(filter.first) || filter.first < 1 || filter.first > MAX_PAGE_SIZE) {
      throw badUserInput('first', `Page size must be from 1 to ${MAX_PAGE_SIZE}; got ${filter.first}. Use pageInfo.endCursor to fetch more.`);
    }
    if (filter.communeCode != null && !/^\d{5}$/.test(filter.communeCode)) {
      throw badUserInput('communeCode', `${filter.communeCode} is not a commune code (5 digits); for a district or province ask adminUnit(code: "${filter.communeCode}") { infrastructureProjects }.`);
    }
    if (filter.year != null) requireYear('year', filter.year);
    const after = filter.after ? decodeCursor(filter.after) : null;
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
    const rows = await pageQuery.getMany();
    const nodes = rows.slice(0, filter.first);
    const edges = nodes.map((node) => ({ cursor: encodeCursor(node), node }));
    return {
      nodes,
      edges,
      pageInfo: { hasNextPage: rows.length > filter.first, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: () => base().getCount(),
    };
  }
}
