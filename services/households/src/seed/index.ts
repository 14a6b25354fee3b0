import { parseArgs } from 'node:util';
import { openDatabase } from '@povgraph/db';
import { createLogger, progressBar, runMain } from '@povgraph/subgraph-kit';
import { loadConfig } from '../config';
import { createServices } from '../services';
import { householdsDataSource } from '../subgraph';
import { isEmpty, resetData, seedDemo } from './seedDemo';

/** `node dist/seed [--if-empty] [--reset] [--seed N]`: loads the demo dataset into this service's database. */
runMain(async () => {
  const { values } = parseArgs({ options: { 'if-empty': { type: 'boolean' }, reset: { type: 'boolean' }, seed: { type: 'string', default: '2023' } } });
  const config = loadConfig();
  const dataSource = await openDatabase(householdsDataSource(config.databaseUrl), config.databaseUrl);
  try {
    if (values.reset) await resetData(dataSource);
    if (!(await isEmpty(dataSource))) {
      if (values['if-empty']) return;
      throw new Error('households: the database already holds data; run with --reset to replace it with the demo dataset.');
    }
    await seedDemo(dataSource, createServices(dataSource), { start: (label, total) => progressBar(`households: ${label}`.padEnd(22), total) }, createLogger('households-seed', config.logLevel), { seed: Number(values.seed) });
  } finally {
    await dataSource.destroy();
  }
});
