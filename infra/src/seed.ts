import { runCli } from './cli';
import { parseArgs } from 'node:util';
import { openDatabaseServer } from './database';
import { startStackWithDemo } from './stack';

/**
 * `pnpm seed [--reset]`: loads the demo dataset into every service's database —
 * the registry while the graph starts, then every agency through the running
 * graph (agencies read the registry through it) — and stops again.
 */
export async function main() {
  const { values } = parseArgs({ options: { reset: { type: 'boolean' } } });
  const mode = values.reset ? '--reset' : '';
  const started = Date.now();
  const database = await openDatabaseServer();
  console.log(`povgraph: database — ${database.description}`);
  try {
    const stack = await startStackWithDemo(database, mode);
    await stack.stop();
    console.log(`povgraph: demo data loaded in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await database.stop();
  }
}

if (require.main === module) runCli(main);
