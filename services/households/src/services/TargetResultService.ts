import { In, type DataSource } from 'typeorm';
import type { Caller } from '@povgraph/auth';
import type { GraphClient } from '@povgraph/graph-client';
import { rateInHundredths } from '@povgraph/scalars';
import { ReductionTarget, TargetIndicator } from '../entities';
import type { PovertyFigures, PovertyReportService } from './PovertyReportService';

export enum TargetStatus {
  MET = 'MET',
  NOT_MET = 'NOT_MET',
  NOT_MEASURED = 'NOT_MEASURED',
}

export interface TargetResultFigures {
  target: ReductionTarget;
  measured: number | null;
  status: TargetStatus;
  basis: string;
}

/** Units at or under a root, any version (the district's communes, a province's districts and communes). */
const UNITS_UNDER_SQL = `
  WITH RECURSIVE tree(code) AS (
    SELECT $1::text
    UNION
    SELECT u.code FROM admin_units u JOIN tree ON u.parent_code = tree.code
  )
  SELECT code FROM tree`;

const points = (hundredthsCut: number) => hundredthsCut / 100;

/** A cut measured from two reviews: previous minus current (positive when it fell). */
const REVIEW_MEASURES: Partial<Record<TargetIndicator, { basis: string; cut(previous: PovertyFigures, current: PovertyFigures): number }>> = {
  [TargetIndicator.POVERTY_RATE_POINTS]: {
    basis: 'poverty rate of the previous review minus this year’s (registry)',
    cut: (p, c) => points(rateInHundredths(p.poor, p.totalHouseholds) - rateInHundredths(c.poor, c.totalHouseholds)),
  },
  [TargetIndicator.NEAR_POVERTY_RATE_POINTS]: {
    basis: 'near-poverty rate of the previous review minus this year’s (registry)',
    cut: (p, c) => points(rateInHundredths(p.nearPoor, p.totalHouseholds) - rateInHundredths(c.nearPoor, c.totalHouseholds)),
  },
  [TargetIndicator.POOR_AND_NEAR_POOR_RATE_POINTS]: {
    basis: 'poor + near-poor rate of the previous review minus this year’s (registry)',
    cut: (p, c) => points(rateInHundredths(p.poor + p.nearPoor, p.totalHouseholds) - rateInHundredths(c.poor + c.nearPoor, c.totalHouseholds)),
  },
  [TargetIndicator.POOR_HOUSEHOLDS]: { basis: 'poor households of the previous review minus this year’s (registry)', cut: (p, c) => p.poor - c.poor },
  [TargetIndicator.NEAR_POOR_HOUSEHOLDS]: { basis: 'near-poor households of the previous review minus this year’s (registry)', cut: (p, c) => p.nearPoor - c.nearPoor },
};

const JOBS_QUERY = (codes: string[]) =>
  `query TargetJobs($year: Int!) { ${codes.map((code, i) => `u${i}: adminUnit(code: "${code}") { training(year: $year) { jobs } }`).join(' ')} }`;

/**
 * Targets vs results (chỉ tiêu và kết quả): each target of a year beside what the
 * graph measures for its unit — review cuts from the registry itself, jobs from
 * training through the gateway. A target the graph cannot measure says why.
 */
export class TargetResultService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly povertyReports: PovertyReportService,
    private readonly graph: GraphClient,
  ) {}

  async results(caller: Caller, areaCode: string, year: number, requestId?: string): Promise<TargetResultFigures[]> {
    const units: Array<{ code: string }> = await this.dataSource.query(UNITS_UNDER_SQL, [areaCode]);
    const targets = await this.dataSource.getRepository(ReductionTarget).find({ where: { unitCode: In(units.map((unit) => unit.code)), year }, order: { unitCode: 'ASC', indicator: 'ASC' } });
    if (!targets.length) return [];
    const measuredUnits = [...new Set(targets.map((target) => target.unitCode))];
    const reviews = await this.povertyReports.figures(measuredUnits.flatMap((unitCode) => [{ areaCode: unitCode, year }, { areaCode: unitCode, year: year - 1 }]));
    const review = new Map(reviews.map((figures) => [`${figures.areaCode}|${figures.year}`, figures]));
    const jobs = await this.jobs(caller, [...new Set(targets.filter((t) => t.indicator === TargetIndicator.JOBS).map((t) => t.unitCode))], year, requestId);

    return targets.map((target): TargetResultFigures => {
      const measure = REVIEW_MEASURES[target.indicator];
      if (measure) {
        const previous = review.get(`${target.unitCode}|${year - 1}`)!;
        const current = review.get(`${target.unitCode}|${year}`)!;
        if (current.totalHouseholds === 0) return notMeasured(target, `no household of ${target.unitCode} has a review of ${year} yet`);
        if (previous.totalHouseholds === 0) return notMeasured(target, `no household of ${target.unitCode} has a review of ${year - 1} to compare with`);
        return measured(target, measure.cut(previous, current), measure.basis);
      }
      if (target.indicator === TargetIndicator.JOBS) {
        const value = jobs.get(target.unitCode);
        if (typeof value === 'number') return measured(target, value, 'jobs created in the year: employed after training + hired at job fairs + gone to work abroad (training)');
        return notMeasured(target, value ?? 'training has no figure for the unit');
      }
      return notMeasured(target, 'the graph holds no labour-force count; the labour office reports this share');
    });
  }

  /** Jobs per unit from training, in one request; a failure becomes the reason, not an error for every target. */
  private async jobs(caller: Caller, units: string[], year: number, requestId?: string): Promise<Map<string, number | string>> {
    if (!units.length) return new Map();
    try {
      const data = await this.graph.request<Record<string, { training: { jobs: number } | null } | null>>(caller, 'training', JOBS_QUERY(units), { year }, requestId, 'read');
      return new Map(units.map((unit, i) => [unit, data[`u${i}`]?.training?.jobs ?? 'training has no figure for the unit']));
    } catch (error) {
      const reason = `training could not answer (${error instanceof Error ? error.message : String(error)})`;
      return new Map(units.map((unit) => [unit, reason]));
    }
  }
}

function measured(target: ReductionTarget, value: number, basis: string): TargetResultFigures {
  return { target, measured: value, status: value >= target.value ? TargetStatus.MET : TargetStatus.NOT_MET, basis };
}

function notMeasured(target: ReductionTarget, basis: string): TargetResultFigures {
  return { target, measured: null, status: TargetStatus.NOT_MEASURED, basis: `not measured: ${basis}` };
}
