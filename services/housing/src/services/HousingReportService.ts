import type { DataSource } from 'typeorm';
import type { AreaYearRequest } from '@povgraph/subgraph-kit';
import { HOUSING_SOURCES, type HousingSource } from '../entities';

/** One source's housing figures over an area and a year. */
export interface SourceFigures {
  source: HousingSource;
  approved: number;
  newBuilds: number;
  repairs: number;
  completed: number;
  cancelled: number;
  amount: number;
}

/** An area's housing figures for a year, as `HousingReport` shows them. */
export interface HousingFigures extends Omit<SourceFigures, 'source'> {
  areaCode: string;
  year: number;
  bySource: SourceFigures[];
}

type Counts = Omit<SourceFigures, 'source'>;
const zero = (): Counts => ({ approved: 0, newBuilds: 0, repairs: 0, completed: 0, cancelled: 0, amount: 0 });

const add = (total: Counts, part: Counts): Counts => ({
  approved: total.approved + part.approved,
  newBuilds: total.newBuilds + part.newBuilds,
  repairs: total.repairs + part.repairs,
  completed: total.completed + part.completed,
  cancelled: total.cancelled + part.cancelled,
  amount: total.amount + part.amount,
});

/**
 * Housing reports. A support counts where it was approved (its commune), once per
 * area: a commune list with repeats is reduced first, so a province adds up exactly
 * to its communes. Supports cancelled since do not count as approved, so a
 * cancel-and-approve-again correction is counted once.
 */
export class HousingReportService {
  constructor(private readonly dataSource: DataSource) {}

  /** Figures for many (area, year) pairs in one SQL statement. */
  async figures(requests: readonly AreaYearRequest[]): Promise<HousingFigures[]> {
    const keys: string[] = [];
    const communes: string[] = [];
    const years: number[] = [];
    requests.forEach((request, i) => {
      for (const commune of new Set(request.communeCodes)) {
        keys.push(String(i));
        communes.push(commune);
        years.push(request.year);
      }
    });
    const rows: Array<Omit<Counts, 'amount'> & { key: string; source: HousingSource; amount: string }> = keys.length
      ? await this.dataSource.query(
          `WITH area AS (
             SELECT key, commune, make_date(year, 1, 1) AS first_day, make_date(year, 12, 31) AS last_day
             FROM unnest($1::text[], $2::text[], $3::int[]) AS t(key, commune, year)
           )
           SELECT area.key, s.source,
                  count(*) FILTER (WHERE s.approved_on BETWEEN area.first_day AND area.last_day AND s.status <> 'CANCELLED')::int AS approved,
                  count(*) FILTER (WHERE s.approved_on BETWEEN area.first_day AND area.last_day AND s.status <> 'CANCELLED' AND s.kind = 'NEW_BUILD')::int AS "newBuilds",
                  count(*) FILTER (WHERE s.approved_on BETWEEN area.first_day AND area.last_day AND s.status <> 'CANCELLED' AND s.kind = 'REPAIR')::int AS repairs,
                  count(*) FILTER (WHERE s.completed_on BETWEEN area.first_day AND area.last_day)::int AS completed,
                  count(*) FILTER (WHERE s.cancelled_on BETWEEN area.first_day AND area.last_day)::int AS cancelled,
                  coalesce(sum(s.grant_amount) FILTER (WHERE s.approved_on BETWEEN area.first_day AND area.last_day AND s.status <> 'CANCELLED'), 0)::text AS amount
           FROM area JOIN housing_supports s ON s.commune_code = area.commune
           WHERE s.approved_on BETWEEN area.first_day AND area.last_day
              OR s.completed_on BETWEEN area.first_day AND area.last_day
              OR s.cancelled_on BETWEEN area.first_day AND area.last_day
           GROUP BY area.key, s.source`,
          [keys, communes, years],
        )
      : [];
    const byRequest = new Map<string, Map<HousingSource, Counts>>();
    for (const { key, source, amount, ...counts } of rows) {
      const value = Number(amount);
      if (!Number.isSafeInteger(value)) throw new RangeError(`Housing grants of ${amount} đồng are beyond the safe integer range`);
      if (!byRequest.has(key)) byRequest.set(key, new Map());
      byRequest.get(key)!.set(source, { ...counts, amount: value });
    }
    return requests.map(({ areaCode, year }, i) => {
      const found = byRequest.get(String(i));
      const bySource = HOUSING_SOURCES.map((source) => ({ source, ...(found?.get(source) ?? zero()) }));
      return { areaCode, year, ...bySource.reduce<Counts>(add, zero()), bySource };
    });
  }
}
