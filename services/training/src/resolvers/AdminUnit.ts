import { badUserInput } from '@povgraph/errors';
import type { AdminUnitResolvers } from '../generated/resolvers';
import { requireYear } from '../validation';

export const AdminUnit: AdminUnitResolvers = {
  // The gateway sends { code, communeCodes } (communeCodes from the registry, for @requires).
  __resolveReference: (reference) => ({ code: reference.code, communeCodes: 'communeCodes' in reference ? reference.communeCodes : null }),
  training: (unit, { year }, { loaders }) => {
    requireYear('year', year);
    if (!unit.communeCodes) {
      // Only a client asking this subgraph directly can leave them out; the gateway always sends them.
      throw badUserInput('communeCodes', `The communes of area ${unit.code} were not given; ask for training figures through the gateway.`);
    }
    return loaders.training.load({ areaCode: unit.code, year, communeCodes: unit.communeCodes });
  },
};
