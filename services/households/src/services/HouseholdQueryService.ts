import type { DataSource } from 'typeorm';
import { badUserInput } from '@povgraph/errors';
import { Household, type PovertyStatus } from '../entities';

export const MAX_PAGE_SIZE = 1000;

export interface HouseholdPage {
  nodes: Household[];
  edges: Array<{ cursor: string; node: Household }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /** Counted only when the client asks for totalCount. */
  totalCount: () => Promise<number>;
}

export interface HouseholdFilter {
  communeCodes: readonly string[];
  status?: PovertyStatus | null;
  year?: number | null;
  village?: string | null;
  first: number;
  after?: string | null;
}

const encodeCursor = (code: string) => Buffer.from(code, 'utf8').toString('base64url');

function decodeCursor(cursor: string): string {
  const code = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!code || encodeCursor(code) !== cursor) throw badUserInput('after', 'The cursor is not one this service gave out; pass pageInfo.endCursor of the previous page.');
  return code;
}

/** Keyset pagination over the registry, ordered by registry code. */
export class HouseholdQueryService {
  constructor(private readonly dataSource: DataSource) {}

  async page(filter: HouseholdFilter): Promise<HouseholdPage> {
    if (!Number.isInteger(filter.first) || filter.first < 1 || filter.first > MAX_PAGE_SIZE) {
      throw badUserInput('first', `Page size must be from 1 to ${MAX_PAGE_SIZE}; got ${filter.first}. Use pageInfo.endCursor to fetch more.`);
    }
    const afterCode = filter.after ? decodeCursor(filter.after) : null;
    const base = () => {
      const query = this.dataSource.getRepository(Household).createQueryBuilder('h').where('h.commune_code = ANY(:communes)', { communes: filter.communeCodes });
      if (filter.village) query.andWhere('h.village = :village', { village: filter.village });
      if (filter.year != null) {
        query.innerJoin('assessments', 'a', 'a.household_id = h.id AND a.year = :year', { year: filter.year });
        if (filter.status) query.andWhere('a.status = :status', { status: filter.status });
      } else if (filter.status) {
        query.andWhere(
          '(SELECT latest.status FROM assessments latest WHERE latest.household_id = h.id ORDER BY latest.year DESC LIMIT 1) = :status',
          { status: filter.status },
        );
      }
      return query;
    };
    const pageQuery = base().orderBy('h.code').limit(filter.first + 1);
    if (afterCode !== null) pageQuery.andWhere('h.code > :afterCode', { afterCode });
    const rows = await pageQuery.getMany();
    const nodes = rows.slice(0, filter.first);
    const edges = nodes.map((node) => ({ cursor: encodeCursor(node.code), node }));
    return {
      nodes,
      edges,
      pageInfo: { hasNextPage: rows.length > filter.first, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: () => base().getCount(),
    };
  }
}
