import type { Caller } from '@povgraph/auth';
import type { GraphClient } from '@povgraph/graph-client';
import { SEED_CALLER } from './seedCaller';

/** A registered household as an agency's demo data needs it. */
export interface DemoHousehold {
  id: string;
  code: string;
  communeCode: string;
  village: string;
  registeredOn: string;
}

export interface DemoCommune {
  code: string;
  name: string;
}

const PAGE = 1000;

const COMMUNES = /* GraphQL */ `
  query DemoCommunes($code: AdminCode!, $on: Date!) { adminUnit(code: $code) { code name children(on: $on) { code name level } } }`;

const HOUSEHOLDS = /* GraphQL */ `
  query DemoHouseholds($code: AdminCode!, $status: PovertyStatus, $year: Int, $after: String) {
    adminUnit(code: $code) {
      households(status: $status, year: $year, first: ${PAGE}, after: $after) {
        nodes { id code communeCode village registeredOn }
        pageInfo { hasNextPage endCursor }
      }
    }
  }`;

/**
 * The household registry as an agency's demo seed reads it: through the graph,
 * like the agency's own writes do, so no agency copies another's data. A seed
 * picks its borrowers, trainees and supported households from these answers.
 */
export class DemoRegistry {
  constructor(
    private readonly graph: GraphClient,
    private readonly caller: Caller = SEED_CALLER,
  ) {}

  /** Whether the registry knows the area (the demo map is loaded). */
  async hasArea(code: string): Promise<boolean> {
    const data = await this.graph.request<{ adminUnits: Array<{ code: string }> }>(this.caller, 'the household registry', 'query DemoArea($codes: [AdminCode!]) { adminUnits(codes: $codes) { code } }', { codes: [code] }, undefined, 'read');
    return data.adminUnits.length > 0;
  }

  /** The communes directly under a district on a day (default: the 2023 map, before the 2025 reform). */
  async communes(districtCode: string, on = '2023-12-31'): Promise<DemoCommune[]> {
    const data = await this.graph.request<{ adminUnit: { children: Array<DemoCommune & { level: string }> } | null }>(this.caller, 'the household registry', COMMUNES, { code: districtCode, on });
    if (!data.adminUnit) throw new Error(`The household registry has no unit ${districtCode}; load its demo data first (pnpm seed).`);
    return data.adminUnit.children.filter((unit) => unit.level === 'COMMUNE').map(({ code, name }) => ({ code, name }));
  }

  /**
   * Households of an area, ordered by registry code; with `status` and `year`,
   * those the review of that year classified so (POOR, NEAR_POOR, NEWLY_ESCAPED…).
   */
  async households(areaCode: string, filter: { status?: string; year?: number } = {}): Promise<DemoHousehold[]> {
    const found: DemoHousehold[] = [];
    let after: string | null = null;
    for (;;) {
      type Page = { adminUnit: { households: { nodes: DemoHousehold[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } | null };
      const data: Page = await this.graph.request<Page>(this.caller, 'the household registry', HOUSEHOLDS, { code: areaCode, status: filter.status ?? null, year: filter.year ?? null, after }, undefined, 'read');
      if (!data.adminUnit) throw new Error(`The household registry has no unit ${areaCode}; load its demo data first (pnpm seed).`);
      found.push(...data.adminUnit.households.nodes);
      if (!data.adminUnit.households.pageInfo.hasNextPage) return found;
      after = data.adminUnit.households.pageInfo.endCursor;
    }
  }
}
