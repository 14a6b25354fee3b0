/**
 * Stubs of the entities the household registry owns. This service adds fields to
 * them but stores nothing of theirs: a household is its id, an area its code plus
 * the communes the gateway fetched for `@requires(fields: "communeCodes")`.
 */
export interface HouseholdReference {
  id: string;
}

export interface AreaReference {
  code: string;
  /** Present whenever the gateway resolves a field that requires it. */
  communeCodes?: string[] | null;
}

/** One area in one year (the registry's `AreaYear`), with its communes once the gateway fetched them. */
export interface AreaYearReference {
  code: string;
  year: number;
  /** Present whenever the gateway resolves a field that requires it. */
  communeCodes?: string[] | null;
}
