import { existsSync } from 'node:fs';
import path from 'node:path';
import { internalSecret, jwtSecret } from './devSecrets';
import type { DatabaseServer } from './database';
import { runNode, runNodeToEnd, stopAll, waitForHealthy, type ManagedProcess } from './processes';
import { GATEWAY_PORT, localUrlOf, ROOT, SUBGRAPHS } from './services';

export interface Stack {
  gatewayUrl: string;
  subgraphs: Array<{ name: string; url: string }>;
  processes: ManagedProcess[];
  stop(): Promise<void>;
}

const gatewayPort = () => Number(process.env['GATEWAY_PORT'] ?? GATEWAY_PORT);

const serviceEnv = (database: DatabaseServer) => ({
  // The services run as they do when deployed: graphql-js and Apollo skip their
  // development-only checks, which cost a quarter of a subgraph's time on 1,000-row
  // pages. Tests (NODE_ENV=test under jest) keep them.
  NODE_ENV: process.env['NODE_ENV'] ?? 'production',
  ...database.env,
  POVGRAPH_INTERNAL_SECRET: internalSecret(),
  POVGRAPH_JWT_SECRET: jwtSecret(),
  // Where services read other agencies' data (the graph itself).
  GATEWAY_URL: process.env['GATEWAY_URL'] ?? `http://127.0.0.1:${gatewayPort()}/graphql`,
});

type SeedMode = '--if-empty' | '--reset' | '';

const seedScriptOf = (subgraph: (typeof SUBGRAPHS)[number]) => path.join(subgraph.dir, 'dist', 'seed', 'index.js');

/**
 * Loads the registry's demo data (households, units, reviews, targets) — the
 * first step: it needs nothing else running. `--if-empty` at start-up, `--reset`
 * from `pnpm seed --reset`.
 */
export async function seedRegistry(database: DatabaseServer, mode: SeedMode, timings?: SeedTimings): Promise<void> {
  const households = SUBGRAPHS.find((subgraph) => subgraph.name === 'households')!;
  await timed(timings, 'households', () => runNodeToEnd('households seed', seedScriptOf(households), mode ? [mode] : [], serviceEnv(database)));
}

/** Seconds each step took, for `pnpm bench seed`. */
export type SeedTimings = Map<string, number>;

async function timed<T>(timings: SeedTimings | undefined, step: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    timings?.set(step, (performance.now() - started) / 1000);
  }
}

/**
 * Loads every agency's demo data, once the graph runs: each agency writes through
 * its own service layer, which reads the registry through the gateway (who is
 * poor, in which commune) exactly as a clerk's write does. They run side by side.
 */
export async function seedAgencies(database: DatabaseServer, mode: SeedMode, timings?: SeedTimings): Promise<void> {
  const agencies = SUBGRAPHS.filter((subgraph) => subgraph.name !== 'households' && existsSync(seedScriptOf(subgraph)));
  const results = await Promise.allSettled(
    agencies.map((subgraph) => timed(timings, subgraph.name, () => runNodeToEnd(`${subgraph.name} seed`, seedScriptOf(subgraph), mode ? [mode] : [], serviceEnv(database)))),
  );
  const failed = results.flatMap((result) => (result.status === 'rejected' ? [(result.reason as Error).message] : []));
  if (failed.length) throw new Error(failed.join('\n'));
}

/** Starts every subgraph, waits until each is healthy, then the gateway. */
export async function startStack(database: DatabaseServer): Promise<Stack> {
  const env = serviceEnv(database);
  const processes: ManagedProcess[] = [];
  try {
    for (const subgraph of SUBGRAPHS) {
      const service = runNode(subgraph.name, path.join(subgraph.dir, 'dist', 'index.js'), [], { ...env, [`${subgraph.name.toUpperCase()}_PORT`]: String(subgraph.port) });
      processes.push(service);
    }
    await Promise.all(SUBGRAPHS.map((subgraph, i) => waitForHealthy(subgraph.name, localUrlOf(subgraph).replace('/graphql', '/health'), processes[i]!)));
    const port = gatewayPort();
    const gateway = runNode('gateway', path.join(ROOT, 'gateway', 'dist', 'index.js'), [], { ...env, GATEWAY_PORT: String(port) });
    processes.push(gateway);
    await waitForHealthy('gateway', `http://127.0.0.1:${port}/health`, gateway);
    return {
      gatewayUrl: `http://127.0.0.1:${port}`,
      subgraphs: SUBGRAPHS.map((subgraph) => ({ name: subgraph.name, url: localUrlOf(subgraph) })),
      processes,
      stop: () => stopAll(processes),
    };
  } catch (error) {
    await stopAll(processes);
    throw error;
  }
}

/**
 * Starts the graph while the registry's demo data loads (the services need only
 * their migrated databases), then loads the agencies' data through the running
 * graph. Stops what it started if any step fails.
 */
export async function startStackWithDemo(database: DatabaseServer, mode: SeedMode, timings?: SeedTimings): Promise<Stack> {
  const [registry, started] = await Promise.allSettled([seedRegistry(database, mode, timings), timed(timings, 'graph start', () => startStack(database))]);
  const stack = started.status === 'fulfilled' ? started.value : null;
  try {
    if (registry.status === 'rejected') throw registry.reason;
    if (!stack) throw (started as PromiseRejectedResult).reason;
    await timed(timings, 'agencies', () => seedAgencies(database, mode, timings));
    return stack;
  } catch (error) {
    await stack?.stop();
    throw error;
  }
}
