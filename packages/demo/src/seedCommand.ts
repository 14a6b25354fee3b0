import { parseArgs } from 'node:util';
import type { DataSource } from 'typeorm';
import { openDatabase } from '@povgraph/db';
import { GraphClient } from '@povgraph/graph-client';
import { createLogger, runMain, type BaseContext, type Logger, type SubgraphConfig } from '@povgraph/subgraph-kit';
import { DemoRegistry } from './DemoRegistry';
import { commandLineProgress, type SeedProgress } from './progress';
import { SEED_CALLER } from './seedCaller';

/** What a seed gets: its fixed seed, who it writes as, the graph (other agencies' data) and a progress reporter. */
export interface SeedEnvironment {
  seed: number;
  context: BaseContext;
  graph: GraphClient;
  registry: DemoRegistry;
  progress: SeedProgress;
  logger: Logger;
}

/** A service's demo dataset. */
export interface DemoSeed {
  service: string;
  /** Whether the service holds no records yet (the demo loads only into an empty database). */
  isEmpty(dataSource: DataSource): Promise<boolean>;
  /** Removes every record the service holds, in one statement; migrations and rule tables stay. */
  reset(dataSource: DataSource): Promise<void>;
  load(dataSource: DataSource, environment: SeedEnvironment): Promise<void>;
}

export const DEFAULT_SEED = 2023;

export function seedEnvironment(options: { graph: GraphClient; logger: Logger; progress: SeedProgress; seed?: number }): SeedEnvironment {
  const seed = options.seed ?? DEFAULT_SEED;
  return {
    seed,
    context: { caller: SEED_CALLER, requestId: `demo-seed-${seed}`, logger: options.logger },
    graph: options.graph,
    registry: new DemoRegistry(options.graph),
    progress: options.progress,
    logger: options.logger,
  };
}

/**
 * Loads a demo dataset, then refreshes the planner's statistics: right after a
 * bulk load the tables look empty to PostgreSQL until autovacuum comes round,
 * and the first queries (the other agencies' seeds reading this one) would
 * pick plans made for empty tables.
 */
export async function loadDemo(seed: DemoSeed, dataSource: DataSource, environment: SeedEnvironment): Promise<void> {
  await seed.load(dataSource, environment);
  await dataSource.query('ANALYZE');
}

/**
 * `node dist/seed [--if-empty] [--reset] [--seed N]`: loads a service's demo
 * dataset into its database. `--if-empty` (what `pnpm start` passes) leaves a
 * database that holds records alone; `--reset` empties it first.
 */
export function runSeedCommand(options: { seed: DemoSeed; config: SubgraphConfig; dataSource(url: string): DataSource }): void {
  runMain(async () => {
    const { values } = parseArgs({ options: { 'if-empty': { type: 'boolean' }, reset: { type: 'boolean' }, seed: { type: 'string', default: String(DEFAULT_SEED) } } });
    const seed = Number(values.seed);
    if (!Number.isSafeInteger(seed)) throw new Error(`--seed must be an integer; got ${values.seed}.`);
    const { config } = options;
    const service = options.seed.service;
    const dataSource = await openDatabase(options.dataSource(config.databaseUrl), config.databaseUrl);
    try {
      if (values.reset) await options.seed.reset(dataSource);
      if (!(await options.seed.isEmpty(dataSource))) {
        if (values['if-empty']) return;
        throw new Error(`${service}: the database already holds records; run \`pnpm seed --reset\` to replace them with the demo dataset.`);
      }
      const logger = createLogger(`${service}-seed`, config.logLevel);
      const graph = new GraphClient({ gatewayUrl: config.gatewayUrl, internalSecret: config.internalSecret, timeoutMs: 30_000 });
      await loadDemo(options.seed, dataSource, seedEnvironment({ graph, logger, seed, progress: commandLineProgress(service) }));
    } finally {
      await dataSource.destroy();
    }
  });
}
