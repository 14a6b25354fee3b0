import type { HouseholdResolvers } from '../generated/resolvers';
import { requireYear } from '../validation';

/** The registry owns households; this subgraph adds their housing support, by key alone. */
export const Household: HouseholdResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  housingSupports: (household, _, { loaders }) => loaders.supportsByHousehold.load(household.id),
  receivedHousingSupportIn: (household, { year }, { loaders }) => {
    requireYear('year', year);
    return loaders.supportedInYear.load({ householdId: household.id, year });
  },
};
