import { overdueRateOf } from '../domain/rules';
import type { CreditProgrammeRuleResolvers, RepaymentResolvers } from '../generated/resolvers';

/** Small resolvers of the types that hang off loans and rules. */
export const Repayment: RepaymentResolvers = {
  loan: async (repayment, _, { loaders }) => (await loaders.loanById.load(repayment.loanId))!,
};

export const CreditProgrammeRule: CreditProgrammeRuleResolvers = {
  overdueAnnualRate: (rule) => overdueRateOf(rule.annualRate, rule.overdueRatePercentOfNormal),
};
