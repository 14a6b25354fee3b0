import type { AdminUnitResolvers } from '../generated/resolvers';
import { requireYear } from '@povgraph/validation';

export const AdminUnit: AdminUnitResolvers = {
  // The gateway sends { code, communeCodes } (@requires): that is all credit needs.
  __resolveReference: (reference) => reference,
  credit: (unit, { year }, { loaders }) =>
    loaders.creditReport.load({ areaCode: unit.code, year: requireYear('year', year), communeCodes: unit.communeCodes ?? [] }),
};
