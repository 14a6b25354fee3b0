import type { Caller } from '@povgraph/auth';
import type { GraphClient } from '@povgraph/graph-client';
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
  query HouseholdForHousingSupport($id: ID!, $on: Date!) {
    household(id: $id) { id code communeCode registeredOn statusOn(date: $on) commune { inPoorDistrict } }
  }`;

const MEMBERS = /* GraphQL */ `
  query HouseholdMembers($id: ID!) { household(id: $id) { id members } }`;

/**
 * The household registry (households subgraph), read through the gateway as the
 * caller; unreachable means UPSTREAM_UNAVAILABLE and the write is refused whole.
 */
export class HouseholdRegistry {
  constructor(private readonly graph: GraphClient) {}

  /** The household with its status in force on `on`; null when the registry has no such household. */
  async forApproval(caller: Caller, id: string, on: string, requestId?: string): Promise<RegistryHousehold | null> {
    const data = await this.graph.request<{ household: RegistryHousehold | null }>(caller, OWNER, FOR_APPROVAL, { id, on }, requestId);
    return data.household;
  }

  /** Members of the household now; null when the registry has no such household. */
  async members(caller: Caller, id: string, requestId?: string): Promise<number | null> {
    const data = await this.graph.request<{ household: { members: number } | null }>(caller, OWNER, MEMBERS, { id }, requestId);
    return data.household?.members ?? null;
  }
}
