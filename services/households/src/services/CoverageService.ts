import type { DataSource } from 'typeorm';
import type { Caller } from '@povgraph/auth';
import { badUserInput } from '@povgraph/errors';
import { percentWith2Decimals } from '@povgraph/scalars';
import type { GraphClient } from '@povgraph/graph-client';
import { PovertyStatus } from '../entities';
import { AREA_TREE_CTE } from './areaTree';

/** Poor and near-poor households one coverage request may span (then: ask by district or commune). */
export const MAX_COVERAGE_HOUSEHOLDS = 100_000;
/** Households per request to the other agencies (the registry's `households(ids)` limit). */
const IDS_PER_REQUEST = 1000;
/** Requests in flight at once. */
const PARALLEL_REQUESTS = 4;

const REACHED = /* GraphQL */ `
  query CoverageReached($ids: [ID!]!, $year: Int!) {
    households(ids: $ids) { id receivedLoanIn(year: $year) receivedHousingSupportIn(year: $year) trainedIn(year: $year) }
  }`;

export interface ListedHousehold {
  id: string;
  code: string;
  status: PovertyStatus.POOR | PovertyStatus.NEAR_POOR;
}

/** Which programmes reached a household in the year. */
export interface Reach {
  loan: boolean;
  housing: boolean;
  training: boolean;
}

/** A listed household and what reached it. */
export interface CoveredHousehold extends ListedHousehold {
  reach: Reach;
}

export interface CoverageCountFigures {
  households: number;
  withLoan: number;
  withHousingSupport: number;
  withTraining: number;
  withAny: number;
  withNone: number;
  coverageRate: number;
}

/** What `Coverage` shows; `listed` is the whole list, ordered by registry code, that `unreached` filters and pages through. */
export interface CoverageFigures {
  areaCode: string;
  year: number;
  reviewYear: number;
  poor: CoverageCountFigures;
  nearPoor: CoverageCountFigures;
  listed: CoveredHousehold[];
}


/**
 * Coverage (độ bao phủ): the registry lists the poor and near-poor households;
 * credit, housing and training say, through the graph, which of them they
 * reached. Nothing of theirs is stored here — every answer is asked afresh.
 */
export class CoverageService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly graph: GraphClient,
  ) {}

  /** The POOR and NEAR_POOR households of the review of `reviewYear` in the area, ordered by code. */
  async listed(areaCode: string, reviewYear: number): Promise<ListedHousehold[]> {
    const [{ count }] = await this.dataSource.query(
      `${AREA_TREE_CTE}
       SELECT count(*)::int AS count FROM communes c JOIN assessments a ON a.commune_code = c.code
       WHERE a.year = $2 AND a.status IN ('POOR', 'NEAR_POOR')`,
      [[areaCode], reviewYear],
    );
    if (count > MAX_COVERAGE_HOUSEHOLDS) {
      throw badUserInput('year', `Area ${areaCode} lists ${count.toLocaleString('en')} poor and near-poor households in the ${reviewYear} review; coverage spans at most ${MAX_COVERAGE_HOUSEHOLDS.toLocaleString('en')} per request. Ask for its districts or communes.`);
    }
    return this.dataSource.query(
      `${AREA_TREE_CTE}
       SELECT h.id, h.code, a.status FROM communes c
       JOIN assessments a ON a.commune_code = c.code
       JOIN households h ON h.id = a.household_id
       WHERE a.year = $2 AND a.status IN ('POOR', 'NEAR_POOR')
       ORDER BY h.code`,
      [[areaCode], reviewYear],
    );
  }

  async figures(caller: Caller, areaCode: string, year: number, requestId?: string): Promise<CoverageFigures> {
    const reviewYear = year - 1;
    const listed = await this.listed(areaCode, reviewYear);
    const reach = await this.reach(caller, listed.map((household) => household.id), year, requestId);
    const count = (status: PovertyStatus): CoverageCountFigures => {
      const ofStatus = listed.filter((household) => household.status === status).map((household) => reach.get(household.id)!);
      const withAny = ofStatus.filter((r) => r.loan || r.housing || r.training).length;
      return {
        households: ofStatus.length,
        withLoan: ofStatus.filter((r) => r.loan).length,
        withHousingSupport: ofStatus.filter((r) => r.housing).length,
        withTraining: ofStatus.filter((r) => r.training).length,
        withAny,
        withNone: ofStatus.length - withAny,
        coverageRate: percentWith2Decimals(withAny, ofStatus.length),
      };
    };
    const covered = listed.map((household) => ({ ...household, reach: reach.get(household.id)! }));
    return { areaCode, year, reviewYear, poor: count(PovertyStatus.POOR), nearPoor: count(PovertyStatus.NEAR_POOR), listed: covered };
  }

  /** Asks the agencies about `ids`, a thousand at a time, a few requests at once. */
  private async reach(caller: Caller, ids: string[], year: number, requestId?: string): Promise<Map<string, Reach>> {
    const chunks: string[][] = [];
    for (let start = 0; start < ids.length; start += IDS_PER_REQUEST) chunks.push(ids.slice(start, start + IDS_PER_REQUEST));
    const reached = new Map<string, Reach>();
    let next = 0;
    const worker = async () => {
      while (next < chunks.length) {
        const chunk = chunks[next++]!;
        type Answer = { households: Array<{ id: string; receivedLoanIn: boolean | null; receivedHousingSupportIn: boolean | null; trainedIn: boolean | null } | null> };
        const data = await this.graph.request<Answer>(caller, 'credit, housing and training', REACHED, { ids: chunk, year }, requestId, 'read');
        for (const household of data.households) {
          if (household) reached.set(household.id, { loan: household.receivedLoanIn === true, housing: household.receivedHousingSupportIn === true, training: household.trainedIn === true });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_REQUESTS, chunks.length) }, worker));
    for (const id of ids) if (!reached.has(id)) reached.set(id, { loan: false, housing: false, training: false });
    return reached;
  }
}
