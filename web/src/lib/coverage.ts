import type { PovertyStatus, SupportProgramme, UnreachedQueryVariables } from '../generated/operations';

export const SUPPORT_PROGRAMMES: readonly SupportProgramme[] = ['CREDIT', 'HOUSING', 'TRAINING'];
export type ListStatus = Extract<PovertyStatus, 'POOR' | 'NEAR_POOR'> | null;

/** The coverage filter as the view holds it: which households, lacking which programmes. */
export interface CoverageFilter {
  status: ListStatus;
  without: readonly SupportProgramme[];
}

/** The filter with one programme ticked or unticked; programmes stay in a fixed order. */
export function toggleProgramme(filter: CoverageFilter, programme: SupportProgramme): CoverageFilter {
  const without = filter.without.includes(programme) ? filter.without.filter((p) => p !== programme) : [...filter.without, programme];
  return { ...filter, without: SUPPORT_PROGRAMMES.filter((p) => without.includes(p)) };
}

/** Variables of the unreached list for a filter; null when no programme is ticked (nothing to ask). */
export function unreachedVariables(code: string, year: number, filter: CoverageFilter, first: number): UnreachedQueryVariables | null {
  if (!filter.without.length) return null;
  return { code, year, status: filter.status, without: [...filter.without], first, after: null };
}
