import type { MutationResolvers } from '../generated/resolvers';

export const Mutation: MutationResolvers = {
  approveInfrastructureProject: (_, { input }, context) => context.services.projects.approve(context, input),
  startInfrastructureWork: (_, { id, startedOn }, context) => context.services.projects.start(context, id, startedOn),
  completeInfrastructureWork: (_, { id, completedOn }, context) => context.services.projects.complete(context, id, completedOn),
  cancelInfrastructureProject: (_, { id, reason }, context) => context.services.projects.cancel(context, id, reason),
  recordDisbursement: (_, { id, amount, disbursedOn }, context) => context.services.projects.disburse(context, id, amount, disbursedOn),
};
