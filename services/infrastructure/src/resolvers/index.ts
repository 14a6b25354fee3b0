import { scalarResolvers } from '@povgraph/scalars';
import type { Resolvers } from '../generated/resolvers';
import { AdminUnit } from './AdminUnit';
import { AreaYear } from './AreaYear';
import { InfrastructureProject } from './InfrastructureProject';
import { Mutation } from './Mutation';
import { Query } from './Query';
import { InfrastructureProjectConnection } from './types';

export const resolvers: Resolvers = {
  ...scalarResolvers,
  Query,
  Mutation,
  AdminUnit,
  AreaYear,
  InfrastructureProject,
  InfrastructureProjectConnection,
};
