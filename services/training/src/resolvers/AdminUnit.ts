import { areaReference } from '@povgraph/subgraph-kit';
import type { AdminUnitResolvers } from '../generated/resolvers';
import { trainingFigures } from './trainingFigures';

export const AdminUnit: AdminUnitResolvers = {
  // The gateway sends { code, communeCodes } (communeCodes from the registry, for @requires).
  __resolveReference: areaReference,
  training: (unit, { year }, { loaders }) => trainingFigures(loaders, unit, year),
};
