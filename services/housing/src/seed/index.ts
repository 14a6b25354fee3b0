import { runSeedCommand } from '@povgraph/demo';
import { loadConfig } from '../config';
import { housingDataSource } from '../subgraph';
import { housingDemo } from './seedDemo';

/** `node dist/seed [--if-empty] [--reset] [--seed N]`: loads the housing demo into this service's database. */
runSeedCommand({ seed: housingDemo, config: loadConfig(), dataSource: (url) => housingDataSource(url) });
