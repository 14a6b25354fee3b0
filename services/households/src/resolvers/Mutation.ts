import type { MutationResolvers } from '../generated/resolvers';

export const Mutation: MutationResolvers = {
  registerHousehold: (_, { input }, context) => context.services.households.register(context, input),
  recordAssessment: (_, { input }, context) => context.services.assessments.record(context, input),
  setReductionTarget: (_, { input }, context) => context.services.targets.set(context, input),
  definePovertyStandard: (_, { input }, context) => context.services.standards.define(context, input),
};
