import { areaReference, areaYearRequest } from '@povgraph/subgraph-kit';
import { requireYear } from '@povgraph/validation';
import type { AdminUnitResolvers } from '../generated/resolvers';

export const AdminUnit: AdminUnitResolvers = {
  // The unit is the registry's; what this service needs is in the representation (its communes, by @requires).
  __resolveReference: areaReference,
  infrastructure: (unit, { year }, { loaders }) => loaders.report.load(areaYearRequest(unit, requireYear('year', year))),
  infrastructureProjects: (unit, { year }, { loaders }) => loaders.projectsInArea.load(areaYearRequest(unit, year == null ? null : requireYear('year', year))),
};
