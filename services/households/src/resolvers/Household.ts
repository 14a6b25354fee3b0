import { Role, maskNationalId } from '@povgraph/auth';
import type { HouseholdResolvers } from '../generated/resolvers';
import type { PovertyStatus } from '../entities';

export const Household: HouseholdResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.householdById.load(reference.id),
  nationalId: (household, _, { caller }) =>
    household.nationalId && caller?.role === Role.ANALYST ? maskNationalId(household.nationalId) : household.nationalId,
  commune: async (household, _, { loaders }) => (await loaders.adminUnit.load(household.communeCode))!,
  assessments: (household, _, { loaders }) => loaders.assessmentsByHousehold.load(household.id),
  status: async (household, { year }, { loaders }) => {
    const assessments = await loaders.assessmentsByHousehold.load(household.id);
    const chosen = year == null ? assessments.at(-1) : assessments.find((a) => a.year === year);
    return chosen?.status ?? null;
  },
  statusOn: (household, { date }, { loaders }) => loaders.statusOn.load(`${household.id}|${date}`) as Promise<PovertyStatus | null>,
};
