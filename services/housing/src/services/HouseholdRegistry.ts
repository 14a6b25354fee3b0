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
    households(ids: $ids) { id code communeCode registeredOn statusOn(date: $on) commune { inPoorDistrict } }
  }`;

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
    const found = new Map<string, RegistryHousehold>();
    for (const chunk of chunks(unique(ids), IDS_PER_REQUEST)) {
      const data = await this.graph.request<{ households: Array<RegistryHousehold | null> }>(caller, OWNER, FOR_APPROVAL, { ids: chunk, on }, requestId);
      for (const household of data.households) if (household) found.set(household.id.toLowerCase(), household);
    }
    return found;
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
