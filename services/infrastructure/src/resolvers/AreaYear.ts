import type { AreaYearResolvers } from '../generated/resolvers';
import { requireYear } from '@povgraph/validation';
import { communesOf } from './AdminUnit';

/**
 * The registry owns area-years (`AdminUnit.report`, `trend`); the gateway brings
 * the area's communes (`@requires`). The figures come from the same loader as
 * `AdminUnit.infrastructure(year)`, which answers every (area, year) of one
 * fetch in one SQL statement, so a trend of many years costs one.
 */
export const AreaYear: AreaYearResolvers = {
  __resolveReference: (reference) => reference,
  infrastructure: (areaYear, _, { loaders }) =>
    loaders.report.load({ areaCode: areaYear.code, year: requireYear('year', areaYear.year), communeCodes: communesOf(areaYear) }),
};
