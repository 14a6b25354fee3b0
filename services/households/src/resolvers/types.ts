import { standardForYear } from '../domain/classify';
import type {
  AdminUnitSuccessionResolvers,
  AssessmentResolvers,
  HouseholdConnectionResolvers,
  PovertyReportResolvers,
  PovertyStandardResolvers,
  ReductionTargetResolvers,
} from '../generated/resolvers';

/** Small resolvers of the types that hang off households and units. */
export const Assessment: AssessmentResolvers = {
  household: async (assessment, _, { loaders }) => (await loaders.householdById.load(assessment.householdId))!,
  lackingCount: (assessment) => assessment.lackingIndicators.length,
  standard: async (assessment, _, { loaders }) => (await loaders.standards.load('all')).find((s) => s.code === assessment.standardCode)!,
};

export const PovertyStandard: PovertyStandardResolvers = {
  rural: (standard) => standard.ruralLines,
  urban: (standard) => standard.urbanLines,
};

export const PovertyReport: PovertyReportResolvers = {
  standard: async (report, _, { loaders }) => standardForYear(await loaders.standards.load('all'), report.year) ?? null,
};

export const AdminUnitSuccession: AdminUnitSuccessionResolvers = {
  from: async (succession, _, { loaders }) => (await loaders.adminUnit.load(succession.fromCode))!,
  to: async (succession, _, { loaders }) => (await loaders.adminUnit.load(succession.toCode))!,
};

export const ReductionTarget: ReductionTargetResolvers = {
  unit: async (target, _, { loaders }) => (await loaders.adminUnit.load(target.unitCode))!,
};

export const HouseholdConnection: HouseholdConnectionResolvers = {
  totalCount: (page) => page.totalCount(),
};
