export { VNDScalar } from './VND';
export { DateScalar, isIsoDate } from './Date';
export { AdminCodeScalar, isAdminCode } from './AdminCode';

import { AdminCodeScalar } from './AdminCode';
import { DateScalar } from './Date';
import { VNDScalar } from './VND';

/** Resolver map for the shared scalars; spread into a subgraph's resolvers. */
export const scalarResolvers = {
  VND: VNDScalar,
  Date: DateScalar,
  AdminCode: AdminCodeScalar,
};

/** SDL declaring the shared scalars; every subgraph schema declares the same ones. */
export const scalarTypeDefs = /* GraphQL */ `
  "Money: a whole number of đồng (VND), at least 0. Reports show it in millions (triệu đồng)."
  scalar VND
  "A calendar date, YYYY-MM-DD."
  scalar Date
  "A GSO administrative unit code: 2 digits (province), 3 (district) or 5 (commune)."
  scalar AdminCode
`;
