import type { QueryResolvers } from '../generated/resolvers';

export const Query: QueryResolvers = {
  trainingCourse: (_, { id }, { loaders }) => loaders.courseById.load(id),
  trainingCourses: (_, { communeCode, year, first, after }, { services }) => services.courseQueries.page({ communeCode, year, first: first ?? 50, after }),
  jobFair: (_, { id }, { loaders }) => loaders.jobFairById.load(id),
};
