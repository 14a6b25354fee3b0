import { scalarResolvers } from '@povgraph/scalars';
import type { Resolvers } from '../generated/resolvers';
import { AdminUnit } from './AdminUnit';
import { Household } from './Household';
import { Mutation } from './Mutation';
import { Query } from './Query';
import { AdminUnitSuccession, Assessment, HouseholdConnection, PovertyReport, PovertyStandard, ReductionTarget } from './types';

export const resolvers: Resolvers = {
  ...scalarResolvers,
  Query,
  Mutation,
  AdminUnit,
  Household,
  Assessment,
  PovertyStandard,
  PovertyReport,
  AdminUnitSuccession,
  ReductionTarget,
  HouseholdConnection,
};
