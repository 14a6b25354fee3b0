export { VNDScalar } from './VND';
export { DateScalar, isIsoDate } from './Date';
export { AdminCodeScalar, isAdminCode } from './AdminCode';
export { percentWith2Decimals, rateInHundredths } from './percent';

import { AdminCodeScalar } from './AdminCode';
import { DateScalar } from './Date';
import { VNDScalar } from './VND';

/** Resolver map for the shared scalars; spread into a subgraph's resolvers. */
export const scalarResolvers = {
  VND: VNDScalar,
  Date: DateScalar,
  AdminCode: AdminCodeScalar,
};
