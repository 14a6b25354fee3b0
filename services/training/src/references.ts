/**
 * A household of the registry as this service knows it: its id. The service adds
 * fields to it but stores nothing of the registry's (areas: @povgraph/subgraph-kit's
 * AreaReference, the code plus the communes the gateway brings).
 */
export interface HouseholdReference {
  id: string;
}
