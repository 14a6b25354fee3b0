import { areaYearRequest } from '@povgraph/subgraph-kit';
import { requireYear } from '@povgraph/validation';
import type { AreaYearResolvers } from '../generated/resolvers';

export const AreaYear: AreaYearResolvers = {
  // The gateway sends { code, year, communeCodes } (key and @requires): all credit needs.
  __resolveReference: (reference) => reference,
  // The same loader as AdminUnit.credit(year): every area-year of a plan step in one statement.
  credit: (area, _, { loaders }) => loaders.creditReport.load(areaYearRequest(area, requireYear('year', area.year))),
};
