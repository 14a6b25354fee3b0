import type { DataSource } from 'typeorm';
import { rateInHundredths } from '@povgraph/scalars';
import { AREA_TREE_CTE } from './areaTree';

/** One area in one year (`AreaYear`): the key every agency adds its year figures to. */
export interface AreaYear {
  code: string;
  year: number;
}

/** The review figures of one area and year, as `PovertyReport` shows them. */
export interface PovertyFigures {
  areaCode: string;
  year: number;
  totalHouseholds: number;
  poor: number;
  nearPoor: number;
  newlyEscaped: number;
  averageLiving: number;
  povertyRate: number;
  nearPovertyRate: number;
  poorChangeFromPreviousYear: number | null;
  nearPoorChangeFromPreviousYear: number | null;
  rateChangeFromPreviousYear: number | null;
  nearPoorRateChangeFromPreviousYear: number | null;
}

interface Counts {
  total: number;
  poor: number;
  nearPoor: number;
  newlyEscaped: number;
  averageLiving: number;
}

/** Percent with 2 decimals, in hundredths of a point, computed on integers so 33.785 never drifts. */

export class PovertyReportService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Figures for many (area, year) pairs in one SQL statement: the communes under
   * each area (at any time) joined to the reviews of the years and the years before.
   */
  async figures(requests: ReadonlyArray<{ areaCode: string; year: number }>): Promise<PovertyFigures[]> {
    const roots = [...new Set(requests.map((request) => request.areaCode))];
    const years = [...new Set(requests.flatMap((request) => [request.year, request.year - 1]))];
    const rows: Array<Counts & { root: string; year: number }> = await this.dataSource.query(
      `${AREA_TREE_CTE}
       SELECT c.root, a.year,
              count(*)::int AS total,
              count(*) FILTER (WHERE a.status = 'POOR')::int AS poor,
              count(*) FILTER (WHERE a.status = 'NEAR_POOR')::int AS "nearPoor",
              count(*) FILTER (WHERE a.status = 'NEWLY_ESCAPED')::int AS "newlyEscaped",
              count(*) FILTER (WHERE a.status = 'AVERAGE_LIVING')::int AS "averageLiving"
       FROM communes c JOIN assessments a ON a.commune_code = c.code
       WHERE a.year = ANY($2::int[])
       GROUP BY c.root, a.year`,
      [roots, years],
    );
    const counts = new Map(rows.map((row) => [`${row.root}|${row.year}`, row]));
    return requests.map(({ areaCode, year }) => {
      const current = counts.get(`${areaCode}|${year}`) ?? { total: 0, poor: 0, nearPoor: 0, newlyEscaped: 0, averageLiving: 0 };
      const previous = counts.get(`${areaCode}|${year - 1}`);
      const rate = rateInHundredths(current.poor, current.total);
      const nearRate = rateInHundredths(current.nearPoor, current.total);
      return {
        areaCode,
        year,
        totalHouseholds: current.total,
        poor: current.poor,
        nearPoor: current.nearPoor,
        newlyEscaped: current.newlyEscaped,
        averageLiving: current.averageLiving,
        povertyRate: rate / 100,
        nearPovertyRate: nearRate / 100,
        poorChangeFromPreviousYear: previous ? current.poor - previous.poor : null,
        nearPoorChangeFromPreviousYear: previous ? current.nearPoor - previous.nearPoor : null,
        // Officials subtract the published (rounded) rates, so do the same.
        rateChangeFromPreviousYear: previous ? (rate - rateInHundredths(previous.poor, previous.total)) / 100 : null,
        nearPoorRateChangeFromPreviousYear: previous ? (nearRate - rateInHundredths(previous.nearPoor, previous.total)) / 100 : null,
      };
    });
  }
}
