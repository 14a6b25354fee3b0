import type { EnrolmentResolvers, JobFairResolvers, LabourExportSupportResolvers, TrainingCourseConnectionResolvers } from '../generated/resolvers';

/** Small resolvers of the types that hang off courses and households. */
export const Enrolment: EnrolmentResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.enrolmentById.load(reference.id),
  course: async (enrolment, _, { loaders }) => (await loaders.courseById.load(enrolment.courseId))!,
  household: (enrolment) => ({ id: enrolment.householdId }),
};

export const JobFair: JobFairResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.jobFairById.load(reference.id),
};

export const LabourExportSupport: LabourExportSupportResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.labourExportById.load(reference.id),
  household: (support) => ({ id: support.householdId }),
};

export const TrainingCourseConnection: TrainingCourseConnectionResolvers = {
  totalCount: (page) => page.totalCount(),
};
