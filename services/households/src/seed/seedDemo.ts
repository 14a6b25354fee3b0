import type { DataSource } from 'typeorm';
import { recordAudit } from '@povgraph/db';
import { SEED_CALLER, type DemoSeed, type SeedProgress } from '@povgraph/demo';
import type { BaseContext, Logger } from '@povgraph/subgraph-kit';
import { AdminUnit, AdminUnitSuccession, Household } from '../entities';
import { createServices, type Services } from '../services';
import { DISTRICTS, TARGETS } from './areas';
import { demoAreas, demoUnits } from './generate';

const BATCH = 5000;

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
  const ids = new Map<string, string[]>();
  for (const area of areas) {
    const areaIds: string[] = [];
    for (let start = 0; start < area.households.length; start += BATCH) {
      const saved = await services.households.registerMany(context, area.households.slice(start, start + BATCH));
      areaIds.push(...saved.map((household) => household.id));
      households.tick(saved.length);
    }
    ids.set(area.plan.districtCode, areaIds);
  }
  households.finish();

  const reviewCount = areas.reduce((sum, area) => sum + area.years.reduce((n, year) => n + area.plan.years[year]!.total, 0), 0);
  const reviews = progress.start('reviews', reviewCount);
  for (const area of areas) {
    for (const year of area.years) {
      const inputs = area.reviews(year, ids.get(area.plan.districtCode)!);
      for (let start = 0; start < inputs.length; start += BATCH) {
        const batch = inputs.slice(start, start + BATCH);
        await services.assessments.recordMany(context, batch);
        reviews.tick(batch.length);
      }
    }
  }
  reviews.finish();

  const inScope = (unitCode: string) => !options.districts || options.districts.some((district) => unitCode === district || DISTRICTS.find((d) => d.code === district)!.communes.some((c) => c.code === unitCode));
  for (const target of TARGETS.filter((t) => inScope(t.unitCode))) await services.targets.set(context, target as Parameters<Services['targets']['set']>[1]);
}

/** The registry's demo dataset, as `pnpm seed` and `pnpm start` load it. */
export const householdsDemo: DemoSeed = {
  service: 'households',
  isEmpty,
  reset: resetData,
  load: (dataSource, { progress, logger, seed }) => seedDemo(dataSource, createServices(dataSource), progress, logger, { seed }),
};
