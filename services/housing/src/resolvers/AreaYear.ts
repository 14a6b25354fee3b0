import { areaYearRequest } from '@povgraph/subgraph-kit';
import type { AreaYearResolvers } from '../generated/resolvers';
import { requireYear } from '../validation';

/**
 * The registry owns area-years (report, trend); the gateway passes the area's
 * communes (`@requires`), and the figures come from the same loader as
 * `AdminUnit.housing(year)`, so a trend of many years is one SQL statement.
 */
export const AreaYear: AreaYearResolvers = {
  __resolveReference: (reference) => reference,
  housing: (area, _, { loaders }) => loaders.housingReport.load(areaYearRequest(area, requireYear('year', area.year))),
};
