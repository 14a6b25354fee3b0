import type { DataSource } from 'typeorm';
import { ensureDatabase } from './databaseUrl';

/** Advisory-lock key for "migrating this database" (any constant; one per database suffices). */
const MIGRATION_LOCK = 7_212_025;

/**
 * Creates the service's database when missing, connects, and applies pending
 * migrations, each in its own transaction. The schema only ever changes here.
 * Two processes opening the same fresh database (a service and its demo seed
 * at start-up) migrate one after the other, under an advisory lock.
 */
export async function openDatabase(dataSource: DataSource, url: string): Promise<DataSource> {
  await ensureDatabase(url);
  await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.release();
  }
  return dataSource;
}
