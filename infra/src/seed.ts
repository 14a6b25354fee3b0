import { runCli } from './cli';
import { parseArgs } from 'node:util';
import { openDatabaseServer } from './database';
import { seedAll } from './stack';

/** `pnpm seed [--reset]`: loads the demo dataset into every service's database. */
export async function main() {
  const { values } = parseArgs({ options: { reset: { type: 'boolean' } } });
  const database = await openDatabaseServer();
  console.log(`povgraph: database — ${database.description}`);
  try {
    await seedAll(database, values.reset ? '--reset' : '');
    console.log('povgraph: demo data loaded.');
  } finally {
    await database.stop();
  }
}

if (require.main === module) runCli(main);
