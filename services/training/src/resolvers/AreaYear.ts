import type { AreaYearResolvers } from '../generated/resolvers';
import { trainingFigures } from './trainingFigures';

/** The registry's area-year (report and trend points): the gateway sends { code, year, communeCodes }. */
export const AreaYear: AreaYearResolvers = {
  __resolveReference: (reference) => reference,
  training: (area, _, { loaders }) => trainingFigures(loaders, area, area.year),
};
