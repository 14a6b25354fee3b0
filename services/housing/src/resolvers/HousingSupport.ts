import { areaPerPerson } from '../domain/area';
import type { HousingSupportResolvers } from '../generated/resolvers';

export const HousingSupport: HousingSupportResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.supportById.load(reference.id),
  household: (support) => ({ id: support.householdId }),
  loan: (support) => (support.loanId ? { id: support.loanId } : null),
  areaPerPersonM2: (support) => areaPerPerson(support.floorAreaM2, support.membersAtCompletion),
};
