import { parseArgs } from 'node:util';
import { Role, signUserToken } from '@povgraph/auth';
import { runCli } from './cli';
import { openDatabaseServer } from './database';
import { dropDatabases, useFreshDatabaseNames } from './freshDatabases';
import { jwtSecret } from './devSecrets';
import { startStack } from './stack';
import { withWeb } from './web';

/**
 * `pnpm smoke`: starts every service and the gateway on the configured database
 * (DATABASE_URL or *_DATABASE_URL for an external server, else embedded), checks
 * health, schema introspection (what the explorer reads, no token needed), and
 * answers one query through the gateway — and once more through the
 * web front end's server, which must serve the app too — then stops. CI runs it against
 * an external server to prove the services do not need the embedded one;
 * `--fresh-databases` gives each service a new database for the run and drops it after.
 */
export async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'fresh-databases': { type: 'boolean' } } });
  const fresh = values['fresh-databases'] ? useFreshDatabaseNames('smoke') : [];
  const database = await openDatabaseServer();
  console.log(`smoke: database — ${database.description}`);
  try {
    const { stack, web } = await withWeb(startStack(database));
    try {
      const health = (await (await fetch(`${stack.gatewayUrl}/health`)).json()) as { subgraphs: Record<string, string> };
      const unhealthy = Object.entries(health.subgraphs).filter(([, status]) => status !== 'ok');
      if (unhealthy.length) throw new Error(`unhealthy subgraphs: ${unhealthy.map(([name, status]) => `${name} ${status}`).join(', ')}`);
      const token = signUserToken({ subject: 'smoke', role: Role.ANALYST, agency: 'CI', area: null }, jwtSecret());
      const standards = async (base: string) => {
        const response = await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: '{ povertyStandards { code fromYear toYear } }' }),
        });
        const body = (await response.json()) as { data?: { povertyStandards: Array<{ code: string }> }; errors?: unknown };
        if (!body.data || body.errors) throw new Error(`query through ${base} failed: ${JSON.stringify(body)}`);
        return body.data.povertyStandards.map((s) => s.code).join(', ');
      };
      const introspection = await fetch(`${stack.gatewayUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }) });
      if (!JSON.stringify(await introspection.json()).includes('"Query"')) throw new Error('the gateway refused schema introspection without a token: the explorer would show no schema');
      const direct = await standards(stack.gatewayUrl);
      if ((await standards(web.url)) !== direct) throw new Error('the web front end’s server answered /graphql differently from the gateway');
      const page = await (await fetch(`${web.url}/?view=report`)).text();
      if (!page.includes('<div id="root">')) throw new Error(`the web front end at ${web.url} did not serve the app`);
      console.log(`smoke: ok — ${Object.keys(health.subgraphs).length} subgraph(s) healthy; standards ${direct}; web app and its /graphql at ${web.url}`);
    } finally {
      await web.stop();
      await stack.stop();
    }
  } finally {
    await dropDatabases(database, fresh);
    await database.stop();
  }
}

if (require.main === module) runCli(main);
