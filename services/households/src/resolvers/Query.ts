import { badUserInput, notFound } from '@povgraph/errors';
import type { QueryResolvers } from '../generated/resolvers';
import type { AdminLevel, Household } from '../entities';

const MAX_IDS = 1000;
import { standardForYear } from '../domain/classify';

export const Query: QueryResolvers = {
  household: (_, { id }, { loaders }) => loaders.householdById.load(id),
  householdByCode: (_, { code }, { loaders }) => loaders.householdByCode.load(code.trim()),
  households: (_, { ids }, { loaders }) => {
    if (ids.length > MAX_IDS) throw badUserInput('ids', `Ask for at most ${MAX_IDS.toLocaleString('en')} households at a time; got ${ids.length.toLocaleString('en')}.`);
    return loaders.householdById.loadMany(ids) as Promise<Array<Household | null>>;
  },
  adminUnit: async (_, { code }, { loaders }) => {
    const unit = await loaders.adminUnit.load(code);
    if (!unit) throw notFound(`No administrative unit has code ${code}, now or in the past; check the GSO code (province 2 digits, district 3, commune 5).`, { field: 'code' });
    return unit;
  },
  adminUnits: (_, { level, parentCode, on, codes }, { services }) => {
    if (codes && codes.length > MAX_IDS) throw badUserInput('codes', `Ask for at most ${MAX_IDS.toLocaleString('en')} units at a time; got ${codes.length.toLocaleString('en')}.`);
    return services.adminUnits.list({ level: level as AdminLevel | null, parentCode, on, codes });
  },
  povertyStandards: (_, __, { loaders }) => loaders.standards.load('all'),
  povertyStandard: async (_, { year }, { loaders }) => standardForYear(await loaders.standards.load('all'), year) ?? null,
};
