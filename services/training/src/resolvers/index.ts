import { scalarResolvers } from '@povgraph/scalars';
import type { Resolvers } from '../generated/resolvers';
import { AdminUnit } from './AdminUnit';
import { AreaYear } from './AreaYear';
import { Household } from './Household';
import { Mutation } from './Mutation';
import { Query } from './Query';
import { TrainingCourse } from './TrainingCourse';
import { Enrolment, JobFair, LabourExportSupport, TrainingCourseConnection } from './types';

export const resolvers: Resolvers = {
  ...scalarResolvers,
  Query,
  Mutation,
  TrainingCourse,
  Enrolment,
  JobFair,
  LabourExportSupport,
  Household,
  AdminUnit,
  AreaYear,
  TrainingCourseConnection,
};
