import type { MutationResolvers } from '../generated/resolvers';

export const Mutation: MutationResolvers = {
  approveHousingSupport: (_, { input }, context) => context.services.supports.approve(context, input),
  startConstruction: (_, { id, startedOn }, context) => context.services.supports.start(context, id, startedOn),
  completeConstruction: (_, { id, completedOn, floorAreaM2 }, context) => context.services.supports.complete(context, id, completedOn, floorAreaM2),
  cancelHousingSupport: (_, { id, cancelledOn, reason }, context) => context.services.supports.cancel(context, id, cancelledOn, reason),
};
