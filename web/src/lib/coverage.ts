export type SupportProgramme = 'CREDIT' | 'HOUSING' | 'TRAINING';
export const SUPPORT_PROGRAMMES: readonly SupportProgramme[] = ['CREDIT', 'HOUSING', 'TRAINING'];
export type ListStatus = 'POOR' | 'NEAR_POOR' | null;

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
export function unreachedVariables(code: string, year: number, filter: CoverageFilter, first: number): Record<string, unknown> | null {
  if (!filter.without.length) return null;
  return { code, year, status: filter.status, without: filter.without, first };
}

export const COVERAGE_COUNTS_QUERY = /* GraphQL */ `query CoverageCounts($code: AdminCode!, $year: Int!) {
  adminUnit(code: $code) { code coverage(year: $year) { year reviewYear
    poor { households withLoan withHousingSupport withTraining withAny withNone coverageRate }
    nearPoor { households withLoan withHousingSupport withTraining withAny withNone coverageRate } } }
}`;

/** The list, as the page shows it and as the CSV export follows its pages. */
export const UNREACHED_QUERY = /* GraphQL */ `query Unreached($code: AdminCode!, $year: Int!, $status: PovertyStatus, $without: [SupportProgramme!], $first: Int!, $after: String) {
  adminUnit(code: $code) { coverage(year: $year) {
    unreached(status: $status, without: $without, first: $first, after: $after) {
      totalCount
      nodes { code headName nationalId village commune { name } }
      pageInfo { hasNextPage endCursor }
    } } }
}`;

export interface CoverageCounts {
  households: number;
  withLoan: number;
  withHousingSupport: number;
  withTraining: number;
  withAny: number;
  withNone: number;
  coverageRate: number;
}
