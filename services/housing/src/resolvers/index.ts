import { scalarResolvers } from '@povgraph/scalars';
import type { Resolvers } from '../generated/resolvers';
import { AdminUnit } from './AdminUnit';
import { AreaYear } from './AreaYear';
import { Household } from './Household';
import { HousingSupport } from './HousingSupport';
import { Mutation } from './Mutation';
import { Query } from './Query';

export const resolvers: Resolvers = {
  ...scalarResolvers,
  Query,
  Mutation,
  AdminUnit,
  AreaYear,
  Household,
  HousingSupport,
};
