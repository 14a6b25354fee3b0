import { areaYearRequest, type AreaReference } from '@povgraph/subgraph-kit';
import type { Loaders } from '../loaders';
import type { TrainingFigures } from '../services/TrainingReportService';
import { requireYear } from '../validation';

/**
 * The one path to an area's figures of a year, for `AdminUnit.training(year)` and
 * `AreaYear.training` alike: one loader, so every area-year a query-plan fetch
 * asks for (a trend, many districts) costs one SQL statement.
 */
export function trainingFigures(loaders: Loaders, area: AreaReference, year: number): Promise<TrainingFigures> {
  return loaders.training.load(areaYearRequest(area, requireYear('year', year)));
}
