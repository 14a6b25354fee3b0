import type { InfrastructureProjectConnectionResolvers } from '../generated/resolvers';

/** Small resolvers of the types that hang off works and areas. */
export const InfrastructureProjectConnection: InfrastructureProjectConnectionResolvers = {
  totalCount: (page) => page.totalCount(),
};
