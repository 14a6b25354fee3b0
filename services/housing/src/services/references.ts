/** A household of the registry, as this subgraph knows it: its key. */
export interface HouseholdReference {
  id: string;
}

/** A VBSP loan of the credit subgraph: its key. */
export interface LoanReference {
  id: string;
}
