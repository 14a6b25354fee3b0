import { scalarResolvers } from '@povgraph/scalars';
import type { Resolvers } from '../generated/resolvers';
import { AdminUnit } from './AdminUnit';
import { AreaYear } from './AreaYear';
import { Household } from './Household';
import { Loan } from './Loan';
import { Mutation } from './Mutation';
import { Query } from './Query';
import { CreditProgrammeRule, Repayment } from './types';

export const resolvers: Resolvers = {
  ...scalarResolvers,
  Query,
  Mutation,
  Loan,
  Repayment,
  CreditProgrammeRule,
  Household,
  AdminUnit,
  AreaYear,
};
