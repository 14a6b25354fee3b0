import type { AdminUnitResolvers } from '../generated/resolvers';
import type { AreaReference, AreaYearReference } from '../services/areas';
import { requireYear } from '@povgraph/validation';

/** The communes the gateway brought from the registry (`@requires(fields: "communeCodes")`). */
export function communesOf(unit: AreaReference | AreaYearReference): string[] {
  const what = 'year' in unit ? `AreaYear ${unit.code}/${unit.year}` : `AdminUnit ${unit.code}`;
  if (!unit.communeCodes) throw new Error(`${what} arrived without communeCodes; the gateway supplies them for fields that @requires them.`);
  return unit.communeCodes;
}

export const AdminUnit: AdminUnitResolvers = {
  // The unit is the registry's; what this service needs is in the representation.
  __resolveReference: (reference) => ({ code: reference.code, communeCodes: 'communeCodes' in reference ? reference.communeCodes : null }),
  infrastructure: (unit, { year }, { loaders }) => loaders.report.load({ areaCode: unit.code, year: requireYear('year', year), communeCodes: communesOf(unit) }),
  infrastructureProjects: (unit, { year }, { loaders }) =>
    loaders.projectsInArea.load({ areaCode: unit.code, year: year == null ? null : requireYear('year', year), communeCodes: communesOf(unit) }),
};
