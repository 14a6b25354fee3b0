import { outstandingOn } from '../domain/balance';
import { requireYear } from '@povgraph/validation';
import type { HouseholdResolvers } from '../generated/resolvers';
import { todayInVietnam } from '../validation';

export const Household: HouseholdResolvers = {
  // The registry owns households; credit answers for any id (no loans = an empty list).
  __resolveReference: (reference) => ({ id: reference.id }),
  loans: (household, _, { loaders }) => loaders.loansByHousehold.load(household.id),
  credit: async (household, { asOf }, { loaders }) => {
    const day = asOf ?? todayInVietnam();
    const loans = await loaders.loansByHousehold.load(household.id);
    const repayments = await loaders.repaymentsByLoan.loadMany(loans.map((loan) => loan.id));
    let outstanding = 0;
    let hasActiveLoan = false;
    loans.forEach((loan, i) => {
      const paid = repayments[i];
      if (paid instanceof Error) throw paid;
      const owed = outstandingOn(loan, paid!, day);
      outstanding += owed;
      if (owed > 0) hasActiveLoan = true;
    });
    return { outstanding, hasActiveLoan };
  },
  receivedLoanIn: (household, { year }, { loaders }) => loaders.receivedLoanIn.load({ householdId: household.id, year: requireYear('year', year) }),
};
