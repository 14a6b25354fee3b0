import { loanStatusOn, outstandingOn, overdueOn } from '../domain/balance';
import type { LoanResolvers } from '../generated/resolvers';
import { todayInVietnam } from '../validation';

export const Loan: LoanResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.loanById.load(reference.id),
  household: (loan) => ({ id: loan.householdId }),
  repayments: (loan, _, { loaders }) => loaders.repaymentsByLoan.load(loan.id),
  outstanding: async (loan, { asOf }, { loaders }) => outstandingOn(loan, await loaders.repaymentsByLoan.load(loan.id), asOf ?? todayInVietnam()),
  overdue: async (loan, { asOf }, { loaders }) => overdueOn(loan, await loaders.repaymentsByLoan.load(loan.id), asOf ?? todayInVietnam()),
  status: async (loan, { asOf }, { loaders }) => loanStatusOn(loan, await loaders.repaymentsByLoan.load(loan.id), asOf ?? todayInVietnam()),
};
