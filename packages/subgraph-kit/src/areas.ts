import { badUserInput } from '@povgraph/errors';

/**
 * An administrative unit of the household registry as an agency's subgraph sees
 * it: its key and, for the fields that `@requires(fields: "communeCodes")`, every
 * commune at or under it, which the gateway fetches from the registry. Agencies
 * store no unit: their figures for an area are their records in those communes.
 */
export interface AreaReference {
  code: string;
  communeCodes?: readonly string[] | null;
}

/** The registry's `AreaYear` (one area in one calendar year) as an agency sees it. */
export interface AreaYearReference extends AreaReference {
  year: number;
}

/** One question for an agency's area report: the area, a year (null: every year, where a field allows it) and its communes. */
export interface AreaYearRequest<Year extends number | null = number> {
  areaCode: string;
  year: Year;
  communeCodes: readonly string[];
}

/** What `AdminUnit.__resolveReference` keeps of the gateway's representation. */
export const areaReference = (representation: AreaReference): AreaReference => ({ code: representation.code, communeCodes: representation.communeCodes ?? null });

/**
 * The report question for `area` in `year`. The gateway always brings the
 * communes; only a client asking a subgraph directly can leave them out, and is
 * told to ask through the gateway rather than answered with zeros.
 */
export function areaYearRequest<Year extends number | null>(area: AreaReference, year: Year): AreaYearRequest<Year> {
  if (!area.communeCodes) {
    throw badUserInput('communeCodes', `The communes of area ${area.code} were not given; ask for its figures through the gateway, which brings them from the registry.`);
  }
  return { areaCode: area.code, year, communeCodes: area.communeCodes };
}

/** `630|2023`, or `630|` for every year: one DataLoader cache entry per area and year within a request. */
export const areaYearKey = (request: Pick<AreaYearRequest<number | null>, 'areaCode' | 'year'>): string => `${request.areaCode}|${request.year ?? ''}`;
