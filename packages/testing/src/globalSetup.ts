import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '@povgraph/db';

declare global {
  // Read back by globalTeardown in the same process.
  var __povgraphTestPostgres: EmbeddedPostgresHandle | undefined;
}

/** A TCP port free on 127.0.0.1 right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Jest global set-up shared by every project: the test server is an embedded
 * PostgreSQL in a throwaway directory, or the server named by DATABASE_URL.
 * Every suite then makes its own fresh database on it. Runs once per jest run
 * even when several projects list it.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env['POVGRAPH_TEST_SERVER_URL']) return;
  if (process.env['DATABASE_URL']) {
    process.env['POVGRAPH_TEST_SERVER_URL'] = process.env['DATABASE_URL'];
    return;
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'povgraph-test-pg-'));
  const postgres = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
  globalThis.__povgraphTestPostgres = postgres;
  process.env['POVGRAPH_TEST_SERVER_URL'] = postgres.url;
}
