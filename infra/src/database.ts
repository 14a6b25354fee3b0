import path from 'node:path';
import { startEmbeddedPostgres } from '@povgraph/db';
import { EMBEDDED_POSTGRES_PORT, ROOT, SUBGRAPHS } from './services';

export interface DatabaseServer {
  /** Environment the services get: DATABASE_URL of the embedded server, or the caller's own settings. */
  env: Record<string, string>;
  description: string;
  stop(): Promise<void>;
}

/** Where the embedded cluster keeps its data between runs (git-ignored). */
export const EMBEDDED_DATA_DIR = path.join(ROOT, '.data', 'postgres');

/**
 * The database server for the local stack: the caller's own (DATABASE_URL or
 * every service's *_DATABASE_URL), else an embedded PostgreSQL under .data/.
 */
export async function openDatabaseServer(): Promise<DatabaseServer> {
  const shared = process.env['DATABASE_URL'];
  const perService = SUBGRAPHS.every((subgraph) => process.env[subgraph.databaseUrlVariable]);
  if (shared || perService) {
    return { env: {}, description: shared ? `external, DATABASE_URL=${redact(shared)}` : 'external, one URL per service', stop: async () => {} };
  }
  const port = Number(process.env['POVGRAPH_PG_PORT'] ?? EMBEDDED_POSTGRES_PORT);
  const postgres = await startEmbeddedPostgres({ dataDir: EMBEDDED_DATA_DIR, port });
  return {
    env: { DATABASE_URL: postgres.url },
    description: `embedded PostgreSQL on port ${port}, data in ${path.relative(process.cwd(), EMBEDDED_DATA_DIR) || EMBEDDED_DATA_DIR}`,
    stop: () => postgres.stop(),
  };
}

/** Hides a password in a URL before it is printed. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}
