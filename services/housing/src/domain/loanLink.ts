/** The VBSP programme of housing loans (credit subgraph's `Loan.programme`). */
export const HOUSING_LOAN_PROGRAMME = 'HOUSING';

/** What the credit subgraph says about a loan. */
export interface LoanFacts {
  id: string;
  programme: string;
  household: { id: string } | null;
}

/** Why `loan` cannot co-finance the household's support, or null when it can. */
export function loanProblem(loanId: string, loan: LoanFacts | null, householdId: string): string | null {
  if (!loan) return `No VBSP loan has id ${loanId}; check the loan id on the VBSP contract.`;
  if (loan.programme !== HOUSING_LOAN_PROGRAMME) {
    return `Loan ${loanId} is a ${loan.programme} loan; only a ${HOUSING_LOAN_PROGRAMME} loan (vay vốn làm nhà ở) can co-finance housing support.`;
  }
  if (loan.household?.id !== householdId) return `Loan ${loanId} was made to another household; link a housing loan of household ${householdId}.`;
  return null;
}
