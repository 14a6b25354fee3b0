import type { DataSource } from 'typeorm';
import { badUserInput } from '@povgraph/errors';
import { TrainingCourse } from '../entities';
import { requireCommuneCode, requireYear } from '../validation';

export const MAX_PAGE_SIZE = 1000;

export interface CoursePage {
  nodes: TrainingCourse[];
  edges: Array<{ cursor: string; node: TrainingCourse }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /** Counted only when the client asks for totalCount. */
  totalCount: () => Promise<number>;
}

export interface CourseFilter {
  communeCode?: string | null;
  year?: number | null;
  first: number;
  after?: string | null;
}

const CURSOR = /^(\d{4}-\d{2}-\d{2})\|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

const encodeCursor = (course: TrainingCourse) => Buffer.from(`${course.startsOn}|${course.id}`, 'utf8').toString('base64url');

function decodeCursor(cursor: string): { startsOn: string; id: string } {
  const match = CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw badUserInput('after', 'The cursor is not one this service gave out; pass pageInfo.endCursor of the previous page.');
  return { startsOn: match[1]!, id: match[2]! };
}

/** Keyset pagination over courses, ordered by start date (then id, to break ties). */
export class CourseQueryService {
  constructor(private readonly dataSource: DataSource) {}

  async page(filter: CourseFilter): Promise<CoursePage> {
    if (!Number.isInteger(filter.first) || filter.first < 1 || filter.first > MAX_PAGE_SIZE) {
      throw badUserInput('first', `Page size must be from 1 to ${MAX_PAGE_SIZE}; got ${filter.first}. Use pageInfo.endCursor to fetch more.`);
    }
    if (filter.communeCode != null) requireCommuneCode('communeCode', filter.communeCode, 'A course');
    if (filter.year != null) requireYear('year', filter.year);
    const after = filter.after ? decodeCursor(filter.after) : null;
    const base = () => {
      const query = this.dataSource.getRepository(TrainingCourse).createQueryBuilder('c');
      if (filter.communeCode != null) query.andWhere('c.commune_code = :communeCode', { communeCode: filter.communeCode });
      if (filter.year != null) query.andWhere('c.starts_on >= make_date(:year, 1, 1) AND c.starts_on < make_date(:year + 1, 1, 1)', { year: filter.year });
      return query;
    };
    const pageQuery = base().orderBy('c.starts_on').addOrderBy('c.id').limit(filter.first + 1);
    if (after) pageQuery.andWhere('(c.starts_on, c.id) > (:afterStartsOn, :afterId)', { afterStartsOn: after.startsOn, afterId: after.id });
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
