import type { DataSource } from 'typeorm';
import { decodeCursor, pageOf, requirePageSize, type Page } from '@povgraph/validation';
import { Household, type PovertyStatus } from '../entities';

export type HouseholdPage = Page<Household>;

export interface HouseholdFilter {
  communeCodes: readonly string[];
  status?: PovertyStatus | null;
  year?: number | null;
  village?: string | null;
  first: number;
  after?: string | null;
}

/** Keyset pagination over the registry, ordered by registry code. */
export class HouseholdQueryService {
  constructor(private readonly dataSource: DataSource) {}

  async page(filter: HouseholdFilter): Promise<HouseholdPage> {
    requirePageSize(filter.first);
    const afterCode = filter.after ? String(decodeCursor(filter.after, 1)[0]) : null;
    const base = () => {
      const query = this.dataSource.getRepository(Household).createQueryBuilder('h');
      // One commune by equality: PostgreSQL before 17 reads (commune_code, code)
      // in code order only for `=`, not for `= ANY`, and a commune's first page
      // then costs a millisecond instead of a scan of the whole registry.
      if (filter.communeCodes.length === 1) query.where('h.commune_code = :commune', { commune: filter.communeCodes[0] });
      else query.where('h.commune_code = ANY(:communes)', { communes: filter.communeCodes });
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
    return pageOf(await pageQuery.getMany(), filter.first, (household) => [household.code], () => base().getCount());
  }
}
