import { parseArgs } from 'node:util';
import { runCli } from './cli';
import { openDatabaseServer } from './database';
import { dropDatabases, useFreshDatabaseNames } from './freshDatabases';
import { startStackWithDemo, type SeedTimings } from './stack';

const USAGE = `Benchmarks that print figures (performance goals live here, not in timed tests).

  pnpm bench seed     loads the whole demo dataset into fresh throwaway databases on the
                      configured server (embedded by default, or DATABASE_URL), prints how long
                      each step took, and drops them again`;

/** `pnpm bench seed`: the demo dataset from scratch, step by step. */
export async function main(): Promise<void> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
  if (values.help || positionals[0] !== 'seed') {
    console.log(USAGE);
    if (!values.help) process.exitCode = 2;
    return;
  }
  const fresh = useFreshDatabaseNames('bench');
  const database = await openDatabaseServer();
  console.log(`bench: database — ${database.description}`);
  const timings: SeedTimings = new Map();
  const started = performance.now();
  try {
    const stack = await startStackWithDemo(database, '', timings);
    timings.set('total (graph ready, data loaded)', (performance.now() - started) / 1000);
    await stack.stop();
  } finally {
    await dropDatabases(database, fresh);
    await database.stop();
  }
  console.log('\nbench seed — seconds per step (the registry and the graph start side by side, then the agencies side by side)');
  for (const [step, seconds] of timings) console.log(`  ${step.padEnd(34)} ${seconds.toFixed(1).padStart(6)}`);
}

if (require.main === module) runCli(main);
