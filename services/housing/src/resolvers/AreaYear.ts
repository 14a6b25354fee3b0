import type { AreaYearResolvers } from '../generated/resolvers';
import { requireYear } from '../validation';

/**
 * The registry owns area-years (report, trend); the gateway passes the area's
 * communes (`@requires`), and the figures come from the same loader as
 * `AdminUnit.housing(year)`, so a trend of many years is one SQL statement.
 */
export const AreaYear: AreaYearResolvers = {
  __resolveReference: (reference) => reference,
  housing: ({ code, year, communeCodes }, _, { loaders }) => {
    requireYear('year', year);
    if (!communeCodes) throw new Error(`AreaYear ${code}/${year} reached housing without communeCodes; it must come through the gateway (@requires).`);
    return loaders.housingReport.load({ code, year, communeCodes });
  },
};
