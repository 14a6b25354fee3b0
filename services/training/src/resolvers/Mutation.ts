import type { MutationResolvers } from '../generated/resolvers';

export const Mutation: MutationResolvers = {
  createTrainingCourse: (_, { input }, context) => context.services.courses.create(context, input),
  enrolTrainee: (_, { input }, context) => context.services.enrolments.enrol(context, input),
  recordCompletion: (_, args, context) => context.services.enrolments.recordCompletion(context, args),
  recordJobFair: (_, { input }, context) => context.services.jobFairs.record(context, input),
  recordLabourExportSupport: (_, { input }, context) => context.services.labourExport.record(context, input),
};
