import type { QueryResolvers } from '../generated/resolvers';

export const Query: QueryResolvers = {
  housingSupport: (_, { id }, { loaders }) => loaders.supportById.load(id),
  housingRules: (_, { on }, { services }) => services.rules.list(on),
};
