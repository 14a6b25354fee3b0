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

const serviceEnv = (database: DatabaseServer) => ({
  ...database.env,
  POVGRAPH_INTERNAL_SECRET: internalSecret(),
  POVGRAPH_JWT_SECRET: jwtSecret(),
});

/** Loads each service's demo data: `--if-empty` at start-up, `--reset` from `pnpm seed --reset`. */
export async function seedAll(database: DatabaseServer, mode: '--if-empty' | '--reset' | ''): Promise<void> {
  for (const subgraph of SUBGRAPHS) {
    await runNodeToEnd(`${subgraph.name} seed`, path.join(subgraph.dir, 'dist', 'seed', 'index.js'), mode ? [mode] : [], serviceEnv(database));
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
    const gatewayPort = Number(process.env['GATEWAY_PORT'] ?? GATEWAY_PORT);
    const gateway = runNode('gateway', path.join(ROOT, 'gateway', 'dist', 'index.js'), [], { ...env, GATEWAY_PORT: String(gatewayPort) });
    processes.push(gateway);
    await waitForHealthy('gateway', `http://127.0.0.1:${gatewayPort}/health`, gateway);
    return {
      gatewayUrl: `http://127.0.0.1:${gatewayPort}`,
      subgraphs: SUBGRAPHS.map((subgraph) => ({ name: subgraph.name, url: localUrlOf(subgraph) })),
      processes,
      stop: () => stopAll(processes),
    };
  } catch (error) {
    await stopAll(processes);
    throw error;
  }
}
