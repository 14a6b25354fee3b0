import type { HouseholdResolvers } from '../generated/resolvers';
import { requireYear } from '../validation';

/** The registry owns households; this service only adds what it recorded for them, by id. */
export const Household: HouseholdResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  enrolments: (household, _, { loaders }) => loaders.enrolmentsByHousehold.load(household.id),
  labourExport: (household, _, { loaders }) => loaders.labourExportByHousehold.load(household.id),
  trainedIn: (household, { year }, { loaders }) => loaders.trainedIn.load({ householdId: household.id, year: requireYear('year', year) }),
};
