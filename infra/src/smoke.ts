import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { Role, signUserToken } from '@povgraph/auth';
import { withDatabase } from '@povgraph/db';
import { runCli } from './cli';
import { openDatabaseServer } from './database';
import { jwtSecret } from './devSecrets';
import { SUBGRAPHS } from './services';
import { startStack } from './stack';

/**
 * `pnpm smoke`: starts every service and the gateway on the configured database
 * (DATABASE_URL or *_DATABASE_URL for an external server, else embedded), checks
 * health and answers one query through the gateway, then stops. CI runs it against
 * an external server to prove the services do not need the embedded one;
 * `--fresh-databases` gives each service a new database for the run and drops it after.
 */
export async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'fresh-databases': { type: 'boolean' } } });
  const fresh = values['fresh-databases'] ? useFreshDatabaseNames() : [];
  const database = await openDatabaseServer();
  console.log(`smoke: database — ${database.description}`);
  try {
    const stack = await startStack(database);
    try {
      const health = (await (await fetch(`${stack.gatewayUrl}/health`)).json()) as { subgraphs: Record<string, string> };
      const unhealthy = Object.entries(health.subgraphs).filter(([, status]) => status !== 'ok');
      if (unhealthy.length) throw new Error(`unhealthy subgraphs: ${unhealthy.map(([name, status]) => `${name} ${status}`).join(', ')}`);
      const token = signUserToken({ subject: 'smoke', role: Role.ANALYST, agency: 'CI', area: null }, jwtSecret());
      const response = await fetch(`${stack.gatewayUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ povertyStandards { code fromYear toYear } }' }),
      });
      const body = (await response.json()) as { data?: { povertyStandards: Array<{ code: string }> }; errors?: unknown };
      if (!body.data || body.errors) throw new Error(`gateway query failed: ${JSON.stringify(body)}`);
      console.log(`smoke: ok — ${Object.keys(health.subgraphs).length} subgraph(s) healthy; standards ${body.data.povertyStandards.map((s) => s.code).join(', ')}`);
    } finally {
      await stack.stop();
    }
  } finally {
    await database.stop();
    await dropDatabases(fresh);
  }
}

/** Points every service at a database of its own for this run (`--fresh-databases`). */
function useFreshDatabaseNames(): string[] {
  const suffix = `smoke_${Date.now()}_${process.pid}`;
  return SUBGRAPHS.map((subgraph) => {
    const name = `povgraph_${suffix}_${subgraph.name}`;
    process.env[`${subgraph.name.toUpperCase()}_DATABASE_NAME`] = name;
    return name;
  });
}

async function dropDatabases(names: string[]): Promise<void> {
  const server = process.env['DATABASE_URL'];
  if (!server || names.length === 0) return;
  const admin = new Client({ connectionString: withDatabase(server, 'postgres') });
  await admin.connect();
  try {
    for (const name of names) await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

if (require.main === module) runCli(main);
