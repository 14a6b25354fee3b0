import { runSeedCommand } from '@povgraph/demo';
import { loadConfig } from '../config';
import { householdsDataSource } from '../subgraph';
import { householdsDemo } from './seedDemo';

/** `node dist/seed [--if-empty] [--reset] [--seed N]`: loads the demo registry into this service's database. */
runSeedCommand({ seed: householdsDemo, config: loadConfig(), dataSource: (url) => householdsDataSource(url) });
