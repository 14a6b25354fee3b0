import type { DataSource } from 'typeorm';
import type { AreaYearRequest } from '@povgraph/subgraph-kit';
import { percentWith2Decimals as percent } from '@povgraph/scalars';

/** The Dự án 4 figures of one area and year, as `TrainingReport` shows them. */
export interface TrainingFigures {
  areaCode: string;
  year: number;
  courses: number;
  vocationalCourses: number;
  agriculturalExtensionCourses: number;
  courseBudget: number;
  trainees: number;
  vocationalTrainees: number;
  agriculturalExtensionTrainees: number;
  completed: number;
  employedAfter: number;
  employmentRate: number;
  jobFairs: number;
  jobFairParticipants: number;
  jobFairHires: number;
  labourExportWorkers: number;
  labourExportSupport: number;
  /** Giải quyết việc làm: employedAfter + jobFairHires + labourExportWorkers, added up in SQL. */
  jobs: number;
}

type Counts = Omit<TrainingFigures, 'areaCode' | 'year' | 'employmentRate'>;

const ZERO: Counts = {
  courses: 0,
  vocationalCourses: 0,
  agriculturalExtensionCourses: 0,
  courseBudget: 0,
  trainees: 0,
  vocationalTrainees: 0,
  agriculturalExtensionTrainees: 0,
  completed: 0,
  employedAfter: 0,
  jobFairs: 0,
  jobFairParticipants: 0,
  jobFairHires: 0,
  labourExportWorkers: 0,
  labourExportSupport: 0,
  jobs: 0,
};

/** Sums of bigint arrive as text; money is a safe integer of đồng or an error, never rounded. */
function money(value: string | number): number {
  const amount = Number(value);
  if (!Number.isSafeInteger(amount)) throw new RangeError(`Total ${value} đồng is beyond the safe integer range`);
  return amount;
}

/**
 * Each record is counted in the commune where it happened (a course and its
 * trainees where the course is held; a fair where it is held; labour-export support
 * in the worker's household's commune), so an area's figures are the sum of its
 * communes' and a province adds up exactly to its communes.
 */
export class TrainingReportService {
  constructor(private readonly dataSource: DataSource) {}

  /** Figures for many (area, year) pairs in one SQL statement. */
  async figures(requests: readonly AreaYearRequest[]): Promise<TrainingFigures[]> {
    const keyOf = (request: { areaCode: string; year: number }) => `${request.areaCode}|${request.year}`;
    // One row per (area, year, commune): a commune listed twice must not count twice.
    const pairs = new Map<string, { key: string; commune: string; year: number }>();
    for (const request of requests) {
      for (const commune of request.communeCodes) pairs.set(`${keyOf(request)}|${commune}`, { key: keyOf(request), commune, year: request.year });
    }
    const rows: Array<{ key: string } & Record<keyof Counts, number | string>> = pairs.size
      ? await this.dataSource.query(
          `WITH area AS (
             SELECT * FROM unnest($1::text[], $2::text[], $3::int[]) AS a(key, commune, year)
           ),
           courses AS (
             SELECT area.key, c.id, c.kind, c.budget
             FROM area JOIN training_courses c ON c.commune_code = area.commune
               AND c.starts_on >= make_date(area.year, 1, 1) AND c.starts_on < make_date(area.year + 1, 1, 1)
           ),
           course_figures AS (
             SELECT key,
                    count(*)::int AS courses,
                    count(*) FILTER (WHERE kind = 'VOCATIONAL')::int AS "vocationalCourses",
                    count(*) FILTER (WHERE kind = 'AGRICULTURAL_EXTENSION')::int AS "agriculturalExtensionCourses",
                    sum(budget)::text AS "courseBudget"
             FROM courses GROUP BY key
           ),
           trainee_figures AS (
             SELECT courses.key,
                    count(*)::int AS trainees,
                    count(*) FILTER (WHERE courses.kind = 'VOCATIONAL')::int AS "vocationalTrainees",
                    count(*) FILTER (WHERE courses.kind = 'AGRICULTURAL_EXTENSION')::int AS "agriculturalExtensionTrainees",
                    count(*) FILTER (WHERE e.completed)::int AS completed,
                    count(*) FILTER (WHERE e.employed_after)::int AS "employedAfter"
             FROM courses JOIN enrolments e ON e.course_id = courses.id
             GROUP BY courses.key
           ),
           fair_figures AS (
             SELECT area.key,
                    count(*)::int AS "jobFairs",
                    sum(f.participants)::int AS "jobFairParticipants",
                    sum(f.people_hired)::int AS "jobFairHires"
             FROM area JOIN job_fairs f ON f.commune_code = area.commune
               AND f.held_on >= make_date(area.year, 1, 1) AND f.held_on < make_date(area.year + 1, 1, 1)
             GROUP BY area.key
           ),
           export_figures AS (
             SELECT area.key,
                    count(*)::int AS "labourExportWorkers",
                    sum(s.amount)::text AS "labourExportSupport"
             FROM area JOIN labour_export_supports s ON s.commune_code = area.commune
               AND s.departure_date >= make_date(area.year, 1, 1) AND s.departure_date < make_date(area.year + 1, 1, 1)
             GROUP BY area.key
           )
           SELECT key, courses, "vocationalCourses", "agriculturalExtensionCourses", "courseBudget",
                  trainees, "vocationalTrainees", "agriculturalExtensionTrainees", completed, "employedAfter",
                  "jobFairs", "jobFairParticipants", "jobFairHires", "labourExportWorkers", "labourExportSupport",
                  (coalesce("employedAfter", 0) + coalesce("jobFairHires", 0) + coalesce("labourExportWorkers", 0))::int AS jobs
           FROM (SELECT DISTINCT key FROM area) keys
             LEFT JOIN course_figures USING (key)
             LEFT JOIN trainee_figures USING (key)
             LEFT JOIN fair_figures USING (key)
             LEFT JOIN export_figures USING (key)`,
          [[...pairs.values()].map((p) => p.key), [...pairs.values()].map((p) => p.commune), [...pairs.values()].map((p) => p.year)],
        )
      : [];
    const byKey = new Map(rows.map((row) => [row.key, row]));
    return requests.map((request) => {
      const row = byKey.get(keyOf(request));
      const counts: Counts = { ...ZERO };
      if (row) {
        for (const field of Object.keys(ZERO) as Array<keyof Counts>) {
          const value = row[field];
          if (value !== null && value !== undefined) counts[field] = money(value);
        }
      }
      return { areaCode: request.areaCode, year: request.year, ...counts, employmentRate: percent(counts.employedAfter, counts.completed) };
    });
  }
}
