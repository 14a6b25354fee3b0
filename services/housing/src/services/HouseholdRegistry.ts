import type { Caller } from '@povgraph/auth';
import type { GraphClient } from '@povgraph/graph-client';
import { MAX_PAGE_SIZE } from '@povgraph/validation';
import type { PovertyStatus } from '../entities';

const OWNER = 'the household registry';

/** What an approval needs to know about a household, from the registry on the approval day. */
export interface RegistryHousehold {
  id: string;
  code: string;
  communeCode: string;
  registeredOn: string;
  statusOn: PovertyStatus | null;
  commune: { inPoorDistrict: boolean };
}

const FOR_APPROVAL = /* GraphQL */ `
  query HouseholdsForHousingSupport($ids: [ID!]!, $on: Date!) {
    households(ids: $ids) { id code communeCode registeredOn statusOn(date: $on) }
  }`;

/** Whether each commune lies in a poor district: asked once per commune, not once per household. */
const poorDistrictQuery = (count: number) => {
  const codes = Array.from({ length: count }, (_, i) => i);
  return `query CommunesInPoorDistricts(${codes.map((i) => `$c${i}: AdminCode!`).join(', ')}) { ${codes.map((i) => `c${i}: adminUnit(code: $c${i}) { inPoorDistrict }`).join(' ')} }`;
};

const MEMBERS = /* GraphQL */ `
  query HouseholdMembers($ids: [ID!]!) { households(ids: $ids) { id members } }`;

/** `households(ids:)` takes at most this many ids. */
const IDS_PER_REQUEST = MAX_PAGE_SIZE;

/**
 * The household registry (households subgraph), read through the gateway as the
 * caller, many households per request; unreachable means UPSTREAM_UNAVAILABLE
 * and the write is refused whole.
 */
export class HouseholdRegistry {
  constructor(private readonly graph: GraphClient) {}

  /**
   * The households with their status in force on `on`, by id (lower case); an id
   * the registry does not know is absent. One request per 1,000 ids.
   */
  async forApproval(caller: Caller, ids: readonly string[], on: string, requestId?: string): Promise<Map<string, RegistryHousehold>> {
    const households: Array<Omit<RegistryHousehold, 'commune'>> = [];
    for (const chunk of chunks(unique(ids), IDS_PER_REQUEST)) {
      const data = await this.graph.request<{ households: Array<Omit<RegistryHousehold, 'commune'> | null> }>(caller, OWNER, FOR_APPROVAL, { ids: chunk, on }, requestId);
      for (const household of data.households) if (household) households.push(household);
    }
    const poor = await this.inPoorDistrict(caller, households.map((household) => household.communeCode), requestId);
    return new Map(households.map((household) => [household.id.toLowerCase(), { ...household, commune: { inPoorDistrict: poor.get(household.communeCode) ?? false } }]));
  }

  /** Whether each commune lies in a poor district (huyện nghèo), in one request for every commune. */
  private async inPoorDistrict(caller: Caller, communeCodes: readonly string[], requestId?: string): Promise<Map<string, boolean>> {
    const codes = [...new Set(communeCodes)];
    if (codes.length === 0) return new Map();
    const variables = Object.fromEntries(codes.map((code, i) => [`c${i}`, code]));
    const data = await this.graph.request<Record<string, { inPoorDistrict: boolean } | null>>(caller, OWNER, poorDistrictQuery(codes.length), variables, requestId);
    return new Map(codes.map((code, i) => [code, data[`c${i}`]?.inPoorDistrict ?? false]));
  }

  /** Members of each household now, by id (lower case); an unknown id is absent. */
  async members(caller: Caller, ids: readonly string[], requestId?: string): Promise<Map<string, number>> {
    const found = new Map<string, number>();
    for (const chunk of chunks(unique(ids), IDS_PER_REQUEST)) {
      const data = await this.graph.request<{ households: Array<{ id: string; members: number } | null> }>(caller, OWNER, MEMBERS, { ids: chunk }, requestId);
      for (const household of data.households) if (household) found.set(household.id.toLowerCase(), household.members);
    }
    return found;
  }
}

const unique = (ids: readonly string[]) => [...new Set(ids.map((id) => id.toLowerCase()))];

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}
