import type { DataSource } from 'typeorm';
import { ensureDatabase } from './databaseUrl';

/**
 * Creates the service's database when missing, connects, and applies pending
 * migrations, each in its own transaction. The schema only ever changes here.
 */
export async function openDatabase(dataSource: DataSource, url: string): Promise<DataSource> {
  await ensureDatabase(url);
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}
