import { rulesInForce } from '../domain/rules';
import type { QueryResolvers } from '../generated/resolvers';
import { todayInVietnam } from '../validation';

export const Query: QueryResolvers = {
  loan: (_, { id }, { loaders }) => loaders.loanById.load(id),
  creditProgrammes: async (_, { on }, { loaders }) => rulesInForce(await loaders.programmeRules.load('all'), on ?? todayInVietnam()),
};
