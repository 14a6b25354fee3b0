import { runSeedCommand } from '@povgraph/demo';
import { loadConfig } from '../config';
import { infrastructureDataSource } from '../subgraph';
import { infrastructureDemo } from './seedDemo';

/** `node dist/seed [--if-empty] [--reset] [--seed N]`: loads the Dự án 1 demo into this service's database. */
runSeedCommand({ seed: infrastructureDemo, config: loadConfig(), dataSource: (url) => infrastructureDataSource(url) });
