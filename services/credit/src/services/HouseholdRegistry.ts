import type { Caller } from '@povgraph/auth';
import type { GraphClient } from '@povgraph/graph-client';
import type { PovertyStatus } from '../entities';

/** What a loan decision needs from the registry on the disbursement date. */
export interface RegistryHousehold {
  id: string;
  code: string;
  communeCode: string;
  registeredOn: string;
  /** Status of the latest review on or before the date; null when there was none. */
  statusOn: PovertyStatus | null;
}

const HOUSEHOLD_ON = /* GraphQL */ `
  query CreditHouseholdOn($id: ID!, $on: Date!) {
    household(id: $id) { id code communeCode registeredOn statusOn(date: $on) }
  }`;

/**
 * The household registry, read through the graph as the caller at write time:
 * nothing of it is copied here except the commune code a loan is booked in.
 * Unreachable → UPSTREAM_UNAVAILABLE (GraphClient), and the write stops.
 */
export class HouseholdRegistry {
  constructor(private readonly graph: GraphClient) {}

  async householdOn(caller: Caller, id: string, on: string, requestId?: string): Promise<RegistryHousehold | null> {
    const data = await this.graph.request<{ household: RegistryHousehold | null }>(caller, 'the household registry', HOUSEHOLD_ON, { id, on }, requestId);
    return data.household;
  }
}
