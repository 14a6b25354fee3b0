import { pageOf, requirePageSize, decodeCursor } from '@povgraph/validation';
import { badUserInput } from '@povgraph/errors';
import type { CoverageResolvers } from '../generated/resolvers';
import type { Household } from '../entities';

export const Coverage: CoverageResolvers = {
  // A page of the list the coverage computed, ordered by code; the households come from one loader batch.
  unreached: async (coverage, { status, first, after }, { loaders }) => {
    const size = first ?? 50;
    requirePageSize(size);
    if (status && status !== 'POOR' && status !== 'NEAR_POOR') throw badUserInput('status', `Coverage lists POOR and NEAR_POOR households; got ${status}.`);
    const matching = status ? coverage.unreached.filter((household) => household.status === status) : coverage.unreached;
    const afterCode = after ? String(decodeCursor(after, 1)[0]) : null;
    const rest = afterCode === null ? matching : matching.filter((household) => household.code > afterCode);
    const households = await loaders.householdById.loadMany(rest.slice(0, size + 1).map((household) => household.id));
    const rows = households.filter((household): household is Household => household !== null && !(household instanceof Error));
    return pageOf(rows, size, (household) => [household.code], async () => matching.length);
  },
};
