import { pageOf, requirePageSize, decodeCursor } from '@povgraph/validation';
import { badUserInput } from '@povgraph/errors';
import type { CoverageResolvers, SupportProgramme } from '../generated/resolvers';
import type { Reach } from '../services/CoverageService';
import type { Household } from '../entities';

/** Whether a programme reached the household. */
const REACHED_BY: Record<SupportProgramme, (reach: Reach) => boolean> = {
  CREDIT: (reach) => reach.loan,
  HOUSING: (reach) => reach.housing,
  TRAINING: (reach) => reach.training,
};
const ALL_PROGRAMMES = Object.keys(REACHED_BY) as SupportProgramme[];

export const Coverage: CoverageResolvers = {
  // A page of the list the coverage computed, ordered by code; the households come from one loader batch.
  unreached: async (coverage, { status, without, first, after }, { loaders }) => {
    const size = first ?? 50;
    requirePageSize(size);
    if (status && status !== 'POOR' && status !== 'NEAR_POOR') throw badUserInput('status', `Coverage lists POOR and NEAR_POOR households; got ${status}.`);
    if (without && !without.length) throw badUserInput('without', 'Name at least one programme in `without` (CREDIT, HOUSING, TRAINING), or leave it out for households no programme reached.');
    const programmes = without ?? ALL_PROGRAMMES;
    const matching = coverage.listed.filter(
      (household) => (!status || household.status === status) && !programmes.some((programme) => REACHED_BY[programme](household.reach)),
    );
    const afterCode = after ? String(decodeCursor(after, 1)[0]) : null;
    const rest = afterCode === null ? matching : matching.filter((household) => household.code > afterCode);
    const households = await loaders.householdById.loadMany(rest.slice(0, size + 1).map((household) => household.id));
    const rows = households.filter((household): household is Household => household !== null && !(household instanceof Error));
    return pageOf(rows, size, (household) => [household.code], async () => matching.length);
  },
};
