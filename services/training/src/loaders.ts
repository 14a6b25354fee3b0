import DataLoader from 'dataloader';
import { rowsByKey as byKey, rowsGroupedByKey as groupByKey } from '@povgraph/db';
import { In, type DataSource, type FindOptionsWhere } from 'typeorm';
import { Enrolment, JobFair, LabourExportSupport, TrainingCourse } from './entities';
import type { Services } from './services';
import { areaYearKey, type AreaYearRequest } from '@povgraph/subgraph-kit';
import type { TrainingFigures } from './services/TrainingReportService';
import { isUuid } from './validation';

/** One SQL statement per batch for records looked up by id; ids that are not UUIDs match nothing. */
function byIdLoader<T extends { id: string }>(dataSource: DataSource, entity: new () => T) {
  return new DataLoader<string, T | null>(async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await dataSource.getRepository(entity).findBy({ id: In(valid) } as FindOptionsWhere<T>) : [];
    return byKey(ids, rows, (row) => row.id);
  });
}

/**
 * Per-request loaders: whatever the number of parents in one query-plan fetch,
 * each kind of child costs one SQL statement.
 */
export function createLoaders(dataSource: DataSource, services: Services) {
  return {
    courseById: byIdLoader(dataSource, TrainingCourse),
    enrolmentById: byIdLoader(dataSource, Enrolment),
    jobFairById: byIdLoader(dataSource, JobFair),
    labourExportById: byIdLoader(dataSource, LabourExportSupport),
    enrolmentsByCourse: new DataLoader<string, Enrolment[]>(async (ids) =>
      groupByKey(ids, await dataSource.getRepository(Enrolment).find({ where: { courseId: In([...ids]) }, order: { enrolledOn: 'ASC', createdAt: 'ASC' } }), (row) => row.courseId),
    ),
    enrolledByCourse: new DataLoader<string, number>(async (ids) => {
      const rows: Array<{ course_id: string; enrolled: number }> = await dataSource.query(
        'SELECT course_id, count(*)::int AS enrolled FROM enrolments WHERE course_id = ANY($1::uuid[]) GROUP BY course_id',
        [ids],
      );
      const counts = new Map(rows.map((row) => [row.course_id, row.enrolled]));
      return ids.map((id) => counts.get(id) ?? 0);
    }),
    enrolmentsByHousehold: new DataLoader<string, Enrolment[]>(async (ids) => {
      const valid = ids.filter(isUuid);
      const rows = valid.length ? await dataSource.getRepository(Enrolment).find({ where: { householdId: In(valid) }, order: { enrolledOn: 'ASC', createdAt: 'ASC' } }) : [];
      return groupByKey(ids, rows, (row) => row.householdId);
    }),
    labourExportByHousehold: new DataLoader<string, LabourExportSupport[]>(async (ids) => {
      const valid = ids.filter(isUuid);
      const rows = valid.length ? await dataSource.getRepository(LabourExportSupport).find({ where: { householdId: In(valid) }, order: { departureDate: 'ASC', createdAt: 'ASC' } }) : [];
      return groupByKey(ids, rows, (row) => row.householdId);
    }),
    /** Whether a member of the household enrolled in a course starting in the year; one SQL per batch of (household, year). */
    trainedIn: new DataLoader<{ householdId: string; year: number }, boolean, string>(
      async (keys) => {
        const valid = keys.filter((key) => isUuid(key.householdId));
        const rows: Array<{ household_id: string; year: number }> = valid.length
          ? await dataSource.query(
              `SELECT k.household_id, k.year
               FROM unnest($1::uuid[], $2::int[]) AS k(household_id, year)
               WHERE EXISTS (
                 SELECT 1 FROM enrolments e JOIN training_courses c ON c.id = e.course_id
                 WHERE e.household_id = k.household_id
                   AND c.starts_on >= make_date(k.year, 1, 1) AND c.starts_on < make_date(k.year + 1, 1, 1))`,
              [valid.map((key) => key.householdId), valid.map((key) => key.year)],
            )
          : [];
        const trained = new Set(rows.map((row) => `${row.household_id}|${row.year}`));
        return keys.map((key) => trained.has(`${key.householdId}|${key.year}`));
      },
      { cacheKeyFn: (key) => `${key.householdId}|${key.year}` },
    ),
    /** Keyed by `${areaCode}|${year}`; each request carries the area's communes. */
    training: new DataLoader<AreaYearRequest, TrainingFigures, string>((requests) => services.reports.figures(requests), { cacheKeyFn: areaYearKey }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
