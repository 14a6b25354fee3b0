import { Client } from 'pg';

export interface DatabaseSettings {
  /** A full URL for this service's own database, e.g. HOUSEHOLDS_DATABASE_URL. */
  serviceUrl?: string;
  /** A server URL shared by all services (DATABASE_URL); the database name is replaced. */
  sharedUrl?: string;
  /** The database this service uses on a shared server, e.g. `povgraph_households`. */
  databaseName: string;
}

/** Returns `url` pointing at database `name` on the same server. */
export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export function databaseNameOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
}

/** The service's own URL wins; otherwise the shared server with the service's database name. */
export function resolveDatabaseUrl(settings: DatabaseSettings): string {
  if (settings.serviceUrl) return settings.serviceUrl;
  if (settings.sharedUrl) return withDatabase(settings.sharedUrl, settings.databaseName);
  throw new Error(`No database configured: set DATABASE_URL (a server) or the service's own *_DATABASE_URL.`);
}

/** Creates the database named in `url` when it does not exist yet (idempotent, race-safe). */
export async function ensureDatabase(url: string): Promise<void> {
  const name = databaseNameOf(url);
  const admin = new Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) {
      await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`).catch((error: { code?: string }) => {
        // Created meanwhile by a sibling process: "already exists", or the catalogue's
        // unique index when both CREATE DATABASE statements ran at the same moment.
        if (error.code !== '42P04' && error.code !== '23505') throw error;
      });
    }
  } finally {
    await admin.end();
  }
}
