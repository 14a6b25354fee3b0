import { Client } from 'pg';
import { withDatabase } from '@povgraph/db';
import type { DatabaseServer } from './database';
import { SUBGRAPHS } from './services';

/** Points every service at a database of its own for this run; returns their names, to drop after. */
export function useFreshDatabaseNames(purpose: string): string[] {
  const suffix = `${purpose}_${Date.now()}_${process.pid}`;
  return SUBGRAPHS.map((subgraph) => {
    const name = `povgraph_${suffix}_${subgraph.name}`;
    process.env[`${subgraph.name.toUpperCase()}_DATABASE_NAME`] = name;
    return name;
  });
}

/** Drops the run's databases on the shared server (the embedded one or DATABASE_URL). */
export async function dropDatabases(database: DatabaseServer, names: string[]): Promise<void> {
  const server = database.env['DATABASE_URL'] ?? process.env['DATABASE_URL'];
  if (!server || names.length === 0) return;
  const admin = new Client({ connectionString: withDatabase(server, 'postgres') });
  await admin.connect();
  try {
    for (const name of names) await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
