import type { QueryResolvers } from '../generated/resolvers';
import type { AdminLevel } from '../entities';
import { standardForYear } from '../domain/classify';

export const Query: QueryResolvers = {
  household: (_, { id }, { loaders }) => loaders.householdById.load(id),
  householdByCode: (_, { code }, { loaders }) => loaders.householdByCode.load(code.trim()),
  adminUnit: (_, { code }, { loaders }) => loaders.adminUnit.load(code),
  adminUnits: (_, { level, parentCode, on }, { services }) => services.adminUnits.list({ level: level as AdminLevel | null, parentCode, on }),
  povertyStandards: (_, __, { loaders }) => loaders.standards.load('all'),
  povertyStandard: async (_, { year }, { loaders }) => standardForYear(await loaders.standards.load('all'), year) ?? null,
};
