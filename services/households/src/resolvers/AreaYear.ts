import { notFound } from '@povgraph/errors';
import type { AreaYearResolvers } from '../generated/resolvers';

export const AreaYear: AreaYearResolvers = {
  // The gateway asks for { code, year } when an agency's AreaYear field needs communeCodes.
  __resolveReference: ({ code, year }) => ({ code, year }),
  unit: async ({ code }, _, { loaders }) => {
    const unit = await loaders.adminUnit.load(code);
    if (!unit) throw notFound(`No administrative unit has code ${code}.`);
    return unit;
  },
  communeCodes: ({ code }, _, { loaders }) => loaders.communeCodes.load(code),
  poverty: ({ code, year }, _, { loaders }) => loaders.poverty.load(`${code}|${year}`),
};
