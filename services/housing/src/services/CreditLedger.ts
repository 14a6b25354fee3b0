import type { Caller } from '@povgraph/auth';
import type { GraphClient } from '@povgraph/graph-client';
import type { LoanFacts } from '../domain/loanLink';

const LOAN = /* GraphQL */ `
  query LoanForHousingSupport($id: ID!) { loan(id: $id) { id programme household { id } } }`;

/** VBSP loans (credit subgraph), read through the gateway as the caller. */
export class CreditLedger {
  constructor(private readonly graph: GraphClient) {}

  /** The loan, or null when VBSP has none with this id. */
  async loan(caller: Caller, id: string, requestId?: string): Promise<LoanFacts | null> {
    const data = await this.graph.request<{ loan: LoanFacts | null }>(caller, 'the VBSP credit service', LOAN, { id }, requestId);
    return data.loan;
  }
}
