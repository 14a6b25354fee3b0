import { badUserInput } from '@povgraph/errors';
import type { AdminUnitResolvers } from '../generated/resolvers';
import type { PovertyStatus } from '../entities';
import { requireStandardFor, todayInVietnam } from '../validation';

/** A trend spans at most this many years: every year is a full report across agencies. */
export const MAX_TREND_YEARS = 30;

export function requireWholeYear(field: string, year: number): number {
  if (!Number.isInteger(year)) throw badUserInput(field, `The year must be a whole number; got ${year}.`);
  return year;
}

export const AdminUnit: AdminUnitResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.adminUnit.load(reference.code),
  parent: (unit, _, { loaders }) => (unit.parentCode ? loaders.adminUnit.load(unit.parentCode) : null),
  isCurrent: (unit) => unit.validTo === null || unit.validTo >= todayInVietnam(),
  children: async (unit, { on }, { loaders }) => {
    const links = await loaders.childLinks.load(unit.code);
    const existing = on ? links.filter((link) => link.validFrom <= on && (link.validTo === null || link.validTo >= on)) : links;
    const units = await loaders.adminUnit.loadMany([...new Set(existing.map((link) => link.code))]);
    return units.filter((child): child is Exclude<typeof child, Error | null> => child !== null && !(child instanceof Error));
  },
  communeCodes: (unit, _, { loaders }) => loaders.communeCodes.load(unit.code),
  inPoorDistrict: (unit, _, { loaders }) => loaders.inPoorDistrict.load(unit.code),
  history: (unit, _, { loaders }) => loaders.adminUnitVersions.load(unit.code),
  successors: (unit, _, { loaders }) => loaders.successors.load(unit.code),
  predecessors: (unit, _, { loaders }) => loaders.predecessors.load(unit.code),
  households: async (unit, { status, year, village, first, after }, { loaders, services }) => {
    if (year != null) requireStandardFor('year', year, await loaders.standards.load('all'));
    return services.householdQueries.page({
      communeCodes: await loaders.communeCodes.load(unit.code),
      status: status as PovertyStatus | null,
      year,
      village,
      first: first ?? 50,
      after,
    });
  },
  poverty: async (unit, { year }, { loaders }) => {
    requireWholeYear('year', year);
    requireStandardFor('year', year, await loaders.standards.load('all'));
    return loaders.poverty.load(`${unit.code}|${year}`);
  },
  report: async (unit, { year }, { loaders }) => {
    requireStandardFor('year', requireWholeYear('year', year), await loaders.standards.load('all'));
    return { code: unit.code, year };
  },
  trend: async (unit, { from, to }, { loaders }) => {
    const standards = await loaders.standards.load('all');
    requireWholeYear('from', from);
    requireWholeYear('to', to);
    if (from > to) throw badUserInput('from', `The range starts after it ends (${from} > ${to}).`);
    if (to - from + 1 > MAX_TREND_YEARS) throw badUserInput('to', `A trend covers at most ${MAX_TREND_YEARS} years; ${from}–${to} is ${to - from + 1}.`);
    const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
    for (const year of years) requireStandardFor(year === from ? 'from' : 'to', year, standards);
    return years.map((year) => ({ code: unit.code, year }));
  },
  coverage: async (unit, { year }, { loaders }) => {
    requireStandardFor('year', requireWholeYear('year', year) - 1, await loaders.standards.load('all'));
    return loaders.coverage.load(`${unit.code}|${year}`);
  },
  targetResults: async (unit, { year }, { services, caller, requestId }) => {
    requireWholeYear('year', year);
    return services.targetResults.results(caller!, unit.code, year, requestId);
  },
  reductionTargets: async (unit, { year }, { loaders }) => {
    const targets = await loaders.targetsByUnit.load(unit.code);
    return year == null ? targets : targets.filter((target) => target.year === year);
  },
};
