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
  ...database.env,
  POVGRAPH_INTERNAL_SECRET: internalSecret(),
  POVGRAPH_JWT_SECRET: jwtSecret(),
  // Where services read other agencies' data (the graph itself).
  GATEWAY_URL: process.env['GATEWAY_URL'] ?? `http://127.0.0.1:${gatewayPort()}/graphql`,
});

/** Loads each service's demo data: `--if-empty` at start-up, `--reset` from `pnpm seed --reset`. */
export async function seedAll(database: DatabaseServer, mode: '--if-empty' | '--reset' | ''): Promise<void> {
  for (const subgraph of SUBGRAPHS) {
    const script = path.join(subgraph.dir, 'dist', 'seed', 'index.js');
    if (!existsSync(script)) continue; // this service has no demo data (yet)
    await runNodeToEnd(`${subgraph.name} seed`, script, mode ? [mode] : [], serviceEnv(database));
  }
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
