import { seatsLeft } from '../domain/courseRules';
import type { TrainingCourseResolvers } from '../generated/resolvers';

export const TrainingCourse: TrainingCourseResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.courseById.load(reference.id),
  enrolments: (course, _, { loaders }) => loaders.enrolmentsByCourse.load(course.id),
  enrolled: (course, _, { loaders }) => loaders.enrolledByCourse.load(course.id),
  seatsLeft: async (course, _, { loaders }) => seatsLeft(course.capacity, await loaders.enrolledByCourse.load(course.id)),
};
