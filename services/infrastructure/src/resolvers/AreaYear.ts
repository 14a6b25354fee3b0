import { areaYearRequest } from '@povgraph/subgraph-kit';
import { requireYear } from '@povgraph/validation';
import type { AreaYearResolvers } from '../generated/resolvers';

/**
 * The registry owns area-years (`AdminUnit.report`, `trend`); the gateway brings
 * the area's communes (`@requires`). The figures come from the same loader as
 * `AdminUnit.infrastructure(year)`, which answers every (area, year) of one
 * fetch in one SQL statement, so a trend of many years costs one.
 */
export const AreaYear: AreaYearResolvers = {
  __resolveReference: (reference) => reference,
  infrastructure: (area, _, { loaders }) => loaders.report.load(areaYearRequest(area, requireYear('year', area.year))),
};
