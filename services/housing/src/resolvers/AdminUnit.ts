import type { AdminUnitResolvers } from '../generated/resolvers';
import { requireYear } from '../validation';

/** The registry owns units; the gateway passes each unit's communes (`@requires`), and the report is local SQL. */
export const AdminUnit: AdminUnitResolvers = {
  __resolveReference: (reference) => ({ code: reference.code, communeCodes: 'communeCodes' in reference ? reference.communeCodes : null }),
  housing: (unit, { year }, { loaders }) => {
    requireYear('year', year);
    if (!unit.communeCodes) throw new Error(`AdminUnit ${unit.code} reached housing() without communeCodes; it must come through the gateway (@requires).`);
    return loaders.housingReport.load({ code: unit.code, year, communeCodes: unit.communeCodes });
  },
};
