import { areaReference, areaYearRequest } from '@povgraph/subgraph-kit';
import type { AdminUnitResolvers } from '../generated/resolvers';
import { requireYear } from '../validation';

/** The registry owns units; the gateway passes each unit's communes (`@requires`), and the report is local SQL. */
export const AdminUnit: AdminUnitResolvers = {
  __resolveReference: areaReference,
  housing: (unit, { year }, { loaders }) => loaders.housingReport.load(areaYearRequest(unit, requireYear('year', year))),
};
