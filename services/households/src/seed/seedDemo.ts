import type { DataSource } from 'typeorm';
import { recordAudit } from '@povgraph/db';
import { SEED_CALLER, type DemoSeed, type SeedProgress } from '@povgraph/demo';
import type { BaseContext, Logger } from '@povgraph/subgraph-kit';
import { AdminUnit, AdminUnitSuccession, Household } from '../entities';
import { createServices, type Services } from '../services';
import { DISTRICTS, TARGETS } from './areas';
import { demoAreas, demoUnits } from './generate';
import type { RecordAssessmentInput } from '../generated/resolvers';

/** Households per transaction (with all their reviews). */
const BATCH = 2500;

/** Whether the registry holds anything yet (the demo loads only into an empty one). */
export async function isEmpty(dataSource: DataSource): Promise<boolean> {
  return !(await dataSource.getRepository(AdminUnit).exists()) && !(await dataSource.getRepository(Household).exists());
}

/** Removes every row this service holds, in one transaction; migrations and standards stay. */
export async function resetData(dataSource: DataSource): Promise<void> {
  await dataSource.query('TRUNCATE audit_log, reduction_targets, assessments, households, admin_unit_successions, admin_units');
}

/**
 * Loads the demo dataset. Units are reference data (the GSO list) and go in
 * directly; households, reviews and targets go through the service layer, so
 * every rule, classification and audit row is the one a clerk's write gets.
 */
export interface SeedOptions {
  seed?: number;
  /** Only these districts' households and targets (tests); every area by default. */
  districts?: readonly string[];
}

export async function seedDemo(dataSource: DataSource, services: Services, progress: SeedProgress, logger: Logger, options: SeedOptions = {}): Promise<void> {
  const seed = options.seed ?? 2023;
  const context: BaseContext = { caller: SEED_CALLER, requestId: `seed-${seed}`, logger };
  const { units, successions } = demoUnits();
  await dataSource.transaction(async (manager) => {
    await manager.insert(AdminUnit, units);
    await manager.insert(AdminUnitSuccession, successions);
    await recordAudit(manager, { caller: SEED_CALLER, requestId: context.requestId, action: 'importAdminUnits', entityType: 'AdminUnit', entityId: '*', before: null, after: { units: units.length, successions: successions.length } });
  });

  const areas = demoAreas(seed).filter((area) => !options.districts || options.districts.includes(area.plan.districtCode));
  const households = progress.start('households', areas.reduce((sum, area) => sum + area.households.length, 0));
  const reviews = progress.start('reviews', areas.reduce((sum, area) => sum + area.years.reduce((n, year) => n + area.plan.years[year]!.total, 0), 0));
  // Two areas at a time: the database works on one while this process prepares the other.
  await inLanes(areas, 2, async (area) => {
    const ids: string[] = [];
    for (let start = 0; start < area.households.length; start += BATCH) {
      const saved = await services.households.registerMany(context, area.households.slice(start, start + BATCH), undefined, 'batch');
      ids.push(...saved.map((household) => household.id));
      households.tick(saved.length);
    }
    // Every year's reviews of a batch of households go in together: each household's
    // history is then classified once, oldest first, as a commune's import would be.
    const byHousehold = new Map<string, RecordAssessmentInput[]>(ids.map((id) => [id, []]));
    for (const year of area.years) for (const review of area.reviews(year, ids)) byHousehold.get(review.householdId)!.push(review);
    for (let start = 0; start < ids.length; start += BATCH) {
      const batch = ids.slice(start, start + BATCH).flatMap((id) => byHousehold.get(id)!);
      await services.assessments.recordMany(context, batch, undefined, 'batch');
      reviews.tick(batch.length);
    }
  });
  households.finish();
  reviews.finish();

  const inScope = (unitCode: string) => !options.districts || options.districts.some((district) => unitCode === district || DISTRICTS.find((d) => d.code === district)!.communes.some((c) => c.code === unitCode));
  for (const target of TARGETS.filter((t) => inScope(t.unitCode))) await services.targets.set(context, target as Parameters<Services['targets']['set']>[1]);
}

/** The registry's demo dataset, as `pnpm seed` and `pnpm start` load it. */
export const householdsDemo: DemoSeed = {
  service: 'households',
  isEmpty,
  reset: resetData,
  load: (dataSource, { graph, progress, logger, seed }) => seedDemo(dataSource, createServices(dataSource, graph), progress, logger, { seed }),
};

/** Runs `work` over `items`, at most `lanes` at a time. */
async function inLanes<T>(items: readonly T[], lanes: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(lanes, items.length) }, lane));
}
