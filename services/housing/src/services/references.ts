/** A household of the registry, as this subgraph knows it: its key. */
export interface HouseholdReference {
  id: string;
}

/** A VBSP loan of the credit subgraph: its key. */
export interface LoanReference {
  id: string;
}

/** An administrative unit as the gateway represents it, with the communes under it (`@requires`). */
export interface AreaReference {
  code: string;
  communeCodes: string[] | null;
}

/** An area in a year (households' `AreaYear`), with the communes under the area (`@requires`). */
export interface AreaYearReference {
  code: string;
  year: number;
  communeCodes: string[] | null;
}
