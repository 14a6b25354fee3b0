/**
 * An AdminUnit as this service sees it: the key, and (for fields that `@requires`
 * it) the communes at or under the unit, which the gateway brings from the registry.
 */
export interface AreaReference {
  code: string;
  communeCodes?: string[] | null;
}

/**
 * An AreaYear (one area in one calendar year, owned by the household registry)
 * as this service sees it: the key, and the area's communes for the fields that
 * `@requires` them.
 */
export interface AreaYearReference {
  code: string;
  year: number;
  communeCodes?: string[] | null;
}

/** One (area, year) question for the reports; `year` null means every year. */
export interface AreaYear {
  areaCode: string;
  year: number | null;
  communeCodes: readonly string[];
}

/** `630|2023`, or `630|` for every year: one cache entry per area and year within a request. */
export const areaYearKey = (request: Pick<AreaYear, 'areaCode' | 'year'>) => `${request.areaCode}|${request.year ?? ''}`;

/**
 * The (key, year, commune) rows of many areas, as parallel arrays for
 * `unnest($1::text[], $2::int[], $3::text[])`: one statement for any number of areas.
 */
export function areaRows(requests: readonly AreaYear[]): [string[], Array<number | null>, string[]] {
  const keys: string[] = [];
  const years: Array<number | null> = [];
  const communes: string[] = [];
  for (const request of requests) {
    for (const commune of new Set(request.communeCodes)) {
      keys.push(areaYearKey(request));
      years.push(request.year);
      communes.push(commune);
    }
  }
  return [keys, years, communes];
}
