import type { DataSource } from 'typeorm';
import type { Caller } from '@povgraph/auth';
import { SEED_CALLER, type DemoRegistry, type DemoSeed, type SeedEnvironment } from '@povgraph/demo';
import type { GraphClient } from '@povgraph/graph-client';
import { MAX_PAGE_SIZE } from '@povgraph/validation';
import { HousingSupport } from '../entities';
import { createServices } from '../services';
import { generateSupports, poolKey, type DemoSupport, type PoolHousehold } from './generate';
import { PLAN_DISTRICTS, poolsNeeded } from './plan';

/** Supports per service-layer batch: one transaction, one INSERT and one audit statement each. */
const BATCH = 2500;

/** Whether the service holds no support yet (the demo loads only into an empty database). */
export async function isEmpty(dataSource: DataSource): Promise<boolean> {
  return !(await dataSource.getRepository(HousingSupport).exists());
}

/** Removes every support and audit row in one statement; the rules seeded by migrations stay. */
export async function reset(dataSource: DataSource): Promise<void> {
  await dataSource.query('TRUNCATE housing_supports, audit_log');
}

/** Households sampled per commune, as a multiple of what the plan takes (households used by a source in an earlier year are left out). */
const SAMPLE_FACTOR = 2;

type SampleAnswer = Record<string, { households: { nodes: PoolHousehold[] } } | null>;

/**
 * The households the plan draws from, read from the registry through the graph:
 * for each district, review year and status, a sample of every commune's
 * households (the first by registry code, an order unrelated to status), so the
 * supports spread over the communes without reading whole registers. One request
 * per district.
 */
export async function readPools(registry: DemoRegistry, graph: GraphClient, caller: Caller): Promise<Map<string, PoolHousehold[]>> {
  const pools = new Map<string, PoolHousehold[]>();
  const needs = poolsNeeded();
  await Promise.all(
    PLAN_DISTRICTS.map(async (districtCode) => {
      const communes = await registry.communes(districtCode);
      const own = needs.filter((need) => need.districtCode === districtCode);
      const aliases = own.flatMap((need, n) => {
        const first = Math.min(MAX_PAGE_SIZE, Math.ceil((need.demand * SAMPLE_FACTOR) / communes.length) + 5);
        return communes.map((commune, c) => `p${n}_${c}: adminUnit(code: "${commune.code}") { households(status: ${need.status}, year: ${need.year}, first: ${first}) { nodes { id communeCode registeredOn } } }`);
      });
      const data = await graph.request<SampleAnswer>(caller, 'the household registry', `query HousingDemoPools { ${aliases.join(' ')} }`);
      own.forEach((need, n) => {
        pools.set(poolKey(districtCode, need.year, need.status), communes.flatMap((_, c) => data[`p${n}_${c}`]?.households.nodes ?? []));
      });
    }),
  );
  return pools;
}

/**
 * Loads the housing demo through the service layer, as a board's clerks would
 * record it: approvals (every rule and registry check runs), then the start and
 * completion of works, and the few cancellations — each step in bulk.
 */
async function load(dataSource: DataSource, env: SeedEnvironment): Promise<void> {
  if (!(await env.registry.hasArea('630'))) {
    env.logger.info('housing demo: the registry holds no demo map (area 630); load the households demo first. Nothing loaded.');
    return;
  }
  const started = Date.now();
  const { supports: services } = createServices(dataSource, env.graph);
  const pools = await readPools(env.registry, env.graph, env.context.caller ?? SEED_CALLER);
  const { supports, skipped } = generateSupports(env.seed, pools);
  if (skipped.length) env.logger.info({ skipped }, `housing demo: the registry holds no households of ${skipped.join(', ')}; their supports are left out.`);

  const ids = new Map<DemoSupport, string>();
  const approvals = env.progress.start('approvals', supports.length);
  for (let start = 0; start < supports.length; start += BATCH) {
    const batch = supports.slice(start, start + BATCH);
    const saved = await services.approveMany(env.context, batch.map((s) => s.input));
    batch.forEach((s, i) => ids.set(s, saved[i]!.id));
    approvals.tick(batch.length);
  }
  approvals.finish();

  const step = async <T>(label: string, items: T[], write: (batch: T[]) => Promise<unknown>) => {
    const bar = env.progress.start(label, items.length);
    for (let start = 0; start < items.length; start += BATCH) {
      const batch = items.slice(start, start + BATCH);
      await write(batch);
      bar.tick(batch.length);
    }
    bar.finish();
  };
  await step('works started', supports.filter((s) => s.startedOn !== null), (batch) => services.startMany(env.context, batch.map((s) => ({ id: ids.get(s)!, startedOn: s.startedOn! }))));
  await step('works completed', supports.filter((s) => s.completion !== null), (batch) => services.completeMany(env.context, batch.map((s) => ({ id: ids.get(s)!, ...s.completion! }))));
  await step('cancellations', supports.filter((s) => s.cancellation !== null), (batch) => services.cancelMany(env.context, batch.map((s) => ({ id: ids.get(s)!, ...s.cancellation! }))));
  env.logger.info({ supports: supports.length, ms: Date.now() - started }, `housing demo: ${supports.length} supports over ${new Set(supports.map((s) => s.districtCode)).size} districts.`);
}

/** The housing boards' demo dataset (HOUSING_PLAN), as `pnpm seed` and `pnpm start` load it. */
export const housingDemo: DemoSeed = { service: 'housing', isEmpty, reset, load };

