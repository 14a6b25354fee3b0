import type { HouseholdResolvers } from '../generated/resolvers';

/** The registry owns households; this subgraph adds their housing support, by key alone. */
export const Household: HouseholdResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  housingSupports: (household, _, { loaders }) => loaders.supportsByHousehold.load(household.id),
};
