import type { AdminUnitResolvers } from '../generated/resolvers';
import { trainingFigures } from './trainingFigures';

export const AdminUnit: AdminUnitResolvers = {
  // The gateway sends { code, communeCodes } (communeCodes from the registry, for @requires).
  __resolveReference: (reference) => ({ code: reference.code, communeCodes: 'communeCodes' in reference ? reference.communeCodes : null }),
  training: (unit, { year }, { loaders }) => trainingFigures(loaders, unit, year),
};
