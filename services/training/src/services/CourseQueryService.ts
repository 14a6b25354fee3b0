import type { DataSource } from 'typeorm';
import { badUserInput } from '@povgraph/errors';
import { decodeCursor, isUuid, pageOf, requirePageSize, type Page } from '@povgraph/validation';
import { isIsoDate } from '@povgraph/scalars';
import { TrainingCourse } from '../entities';
import { requireCommuneCode, requireYear } from '../validation';

export type CoursePage = Page<TrainingCourse>;

export interface CourseFilter {
  communeCode?: string | null;
  year?: number | null;
  first: number;
  after?: string | null;
}

/** A cursor holds the last course's start date and id. */
function decodeCoursePosition(cursor: string): { startsOn: string; id: string } {
  const [startsOn, id] = decodeCursor(cursor, 2);
  if (!isIsoDate(startsOn) || typeof id !== 'string' || !isUuid(id)) throw badUserInput('after', 'The cursor is not one this service gave out; pass pageInfo.endCursor of the previous page.');
  return { startsOn, id };
}

/** Keyset pagination over courses, ordered by start date (then id, to break ties). */
export class CourseQueryService {
  constructor(private readonly dataSource: DataSource) {}

  async page(filter: CourseFilter): Promise<CoursePage> {
    requirePageSize(filter.first);
    if (filter.communeCode != null) requireCommuneCode('communeCode', filter.communeCode, 'A course');
    if (filter.year != null) requireYear('year', filter.year);
    const after = filter.after ? decodeCoursePosition(filter.after) : null;
    const base = () => {
      const query = this.dataSource.getRepository(TrainingCourse).createQueryBuilder('c');
      if (filter.communeCode != null) query.andWhere('c.commune_code = :communeCode', { communeCode: filter.communeCode });
      if (filter.year != null) query.andWhere('c.starts_on >= make_date(:year, 1, 1) AND c.starts_on < make_date(:year + 1, 1, 1)', { year: filter.year });
      return query;
    };
    const pageQuery = base().orderBy('c.starts_on').addOrderBy('c.id').limit(filter.first + 1);
    if (after) pageQuery.andWhere('(c.starts_on, c.id) > (:afterStartsOn, :afterId)', { afterStartsOn: after.startsOn, afterId: after.id });
    return pageOf(await pageQuery.getMany(), filter.first, (course) => [course.startsOn, course.id], () => base().getCount());
  }
}
