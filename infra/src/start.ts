import { runCli } from './cli';
import { parseArgs } from 'node:util';
import { Role, signUserToken } from '@povgraph/auth';
import { openDatabaseServer } from './database';
import { jwtSecret } from './devSecrets';
import { startStack, startStackWithDemo } from './stack';
import { withWeb } from './web';

/**
 * `pnpm start`: the whole graph on one machine — a database server (embedded by
 * default), every subgraph, the gateway — with the demo data loaded into empty
 * databases. Ctrl-C stops every process, then the database.
 */
export async function main() {
  const { values } = parseArgs({ options: { 'no-demo': { type: 'boolean' } } });
  const database = await openDatabaseServer();
  console.log(`povgraph: database — ${database.description}`);
  let stopping = false;
  try {
    const { stack, web } = await withWeb(values['no-demo'] ? startStack(database) : startStackWithDemo(database, '--if-empty'));
    const shutdown = async (reason: string, code: number) => {
      if (stopping) return;
      stopping = true;
      console.log(`\npovgraph: ${reason}; stopping every service, then the database…`);
      await web.stop();
      await stack.stop();
      await database.stop();
      console.log('povgraph: stopped.');
      process.exit(code);
    };
    process.on('SIGINT', () => void shutdown('Ctrl-C', 0));
    process.on('SIGTERM', () => void shutdown('SIGTERM', 0));
    process.on('SIGHUP', () => void shutdown('the terminal closed', 0));
    for (const { name, exited } of stack.processes) {
      void exited.then((code) => shutdown(`${name} exited unexpectedly (code ${code})`, 1));
    }
    const analyst = signUserToken({ subject: 'demo-analyst', role: Role.ANALYST, agency: 'Demo analyst', area: null }, jwtSecret());
    console.log(`
povgraph is running
  Web app     ${web.url}
  GraphQL     ${stack.gatewayUrl}/graphql
  Explorer    ${stack.gatewayUrl}/explorer
  Health      ${stack.gatewayUrl}/health
${stack.subgraphs.map((s) => `  subgraph    ${s.name.padEnd(15)} ${s.url}`).join('\n')}
  Database    ${database.description}

Open the web app signed in as an analyst (the token lasts 8 hours):
  ${web.url}/?view=report&area=630&year=2023#token=${analyst}
The same token, for the explorer's Headers tab as {"Authorization": "Bearer <token>"}:
${analyst}
Other roles: pnpm -s token --role LABOUR_OFFICE --area 630

Ctrl-C stops everything.`);
  } catch (error) {
    if (!stopping) await database.stop();
    throw error;
  }
}

if (require.main === module) runCli(main);
