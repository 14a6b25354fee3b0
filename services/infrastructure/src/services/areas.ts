import { areaYearKey, type AreaYearRequest } from '@povgraph/subgraph-kit';

/** A report question of this service: one area, one year or (the works list) every year. */
export type AreaYear = AreaYearRequest<number | null>;

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
