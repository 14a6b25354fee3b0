import { scalarResolvers } from '@povgraph/scalars';
import type { Resolvers } from '../generated/resolvers';
import { AdminUnit } from './AdminUnit';
import { AreaYear } from './AreaYear';
import { Coverage } from './Coverage';
import { Household } from './Household';
import { Mutation } from './Mutation';
import { Query } from './Query';
import { AdminUnitSuccession, Assessment, HouseholdConnection, PovertyReport, PovertyStandard, ReductionTarget } from './types';

export const resolvers: Resolvers = {
  ...scalarResolvers,
  Query,
  Mutation,
  AdminUnit,
  AreaYear,
  Coverage,
  Household,
  Assessment,
  PovertyStandard,
  PovertyReport,
  AdminUnitSuccession,
  ReductionTarget,
  HouseholdConnection,
};
