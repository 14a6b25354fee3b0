import { areaReference, areaYearRequest } from '@povgraph/subgraph-kit';
import { requireYear } from '@povgraph/validation';
import type { AdminUnitResolvers } from '../generated/resolvers';

export const AdminUnit: AdminUnitResolvers = {
  // The gateway sends { code, communeCodes } (@requires): that is all credit needs.
  __resolveReference: areaReference,
  credit: (unit, { year }, { loaders }) => loaders.creditReport.load(areaYearRequest(unit, requireYear('year', year))),
};
