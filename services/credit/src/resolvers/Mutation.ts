import type { MutationResolvers } from '../generated/resolvers';

export const Mutation: MutationResolvers = {
  disburseLoan: (_, { input }, context) => context.services.loans.disburse(context, input),
  recordRepayment: (_, { input }, context) => context.services.repayments.record(context, input),
};
