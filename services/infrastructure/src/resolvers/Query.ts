import type { WorkCategory } from '../entities';
import type { QueryResolvers } from '../generated/resolvers';

export const Query: QueryResolvers = {
  infrastructureProject: (_, { id }, { loaders }) => loaders.projectById.load(id),
  infrastructureProjects: (_, { communeCode, year, category, first, after }, { services }) =>
    services.projectQueries.page({ communeCode, year, category: category as WorkCategory | null | undefined, first: first ?? 50, after }),
};
