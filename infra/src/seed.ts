import { runCli } from './cli';
import { parseArgs } from 'node:util';
import { openDatabaseServer } from './database';
import { seedAgencies, seedRegistry, startStack } from './stack';

/**
 * `pnpm seed [--reset]`: loads the demo dataset into every service's database —
 * the registry first, then (with the graph running, since agencies read the
 * registry through it) every agency — and stops again.
 */
export async function main() {
  const { values } = parseArgs({ options: { reset: { type: 'boolean' } } });
  const mode = values.reset ? '--reset' : '';
  const started = Date.now();
  const database = await openDatabaseServer();
  console.log(`povgraph: database — ${database.description}`);
  try {
    await seedRegistry(database, mode);
    const stack = await startStack(database);
    try {
      await seedAgencies(database, mode);
    } finally {
      await stack.stop();
    }
    console.log(`povgraph: demo data loaded in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await database.stop();
  }
}

if (require.main === module) runCli(main);
