import { remainingCapital, totalCapital } from '../domain/capital';
import type { InfrastructureProjectResolvers } from '../generated/resolvers';

export const InfrastructureProject: InfrastructureProjectResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.projectById.load(reference.id),
  communeCodes: (project, _, { loaders }) => loaders.communesByProject.load(project.id),
  // References to the registry's units: the gateway fetches their names and the rest there.
  communes: async (project, _, { loaders }) => (await loaders.communesByProject.load(project.id)).map((code) => ({ code })),
  totalCapital: (project) => totalCapital(project),
  remainingToDisburse: (project) => remainingCapital(project),
  disbursements: (project, _, { loaders }) => loaders.disbursementsByProject.load(project.id),
};
