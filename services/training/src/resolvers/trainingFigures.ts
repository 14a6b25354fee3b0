import { badUserInput } from '@povgraph/errors';
import type { Loaders } from '../loaders';
import type { TrainingFigures } from '../services/TrainingReportService';
import { requireYear } from '../validation';

/**
 * The one path to an area's figures of a year, for `AdminUnit.training(year)` and
 * `AreaYear.training` alike: one loader, so every area-year a query-plan fetch
 * asks for (a trend, many districts) costs one SQL statement.
 */
export function trainingFigures(loaders: Loaders, area: { code: string; communeCodes?: string[] | null }, year: number): Promise<TrainingFigures> {
  requireYear('year', year);
  if (!area.communeCodes) {
    // Only a client asking this subgraph directly can leave them out; the gateway always sends them.
    throw badUserInput('communeCodes', `The communes of area ${area.code} were not given; ask for training figures through the gateway.`);
  }
  return loaders.training.load({ areaCode: area.code, year, communeCodes: area.communeCodes });
}
