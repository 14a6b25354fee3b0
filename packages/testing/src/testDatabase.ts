import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { withDatabase } from '@povgraph/db';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** The PostgreSQL server the test run uses (set by the shared jest global set-up). */
export function testServerUrl(): string {
  const url = process.env['POVGRAPH_TEST_SERVER_URL'];
  if (!url) throw new Error('No test database server: run tests through jest with the povgraph global set-up.');
  return url;
}

async function onServer<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: withDatabase(testServerUrl(), 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A brand-new, empty database for one test suite; `drop()` removes it. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = `povgraph_test_${label.replace(/\W/g, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  await onServer((client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`));
  return {
    name,
    url: withDatabase(testServerUrl(), name),
    drop: () => onServer((client) => client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`)).then(() => undefined),
  };
}
