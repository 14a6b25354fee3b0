import { runSeedCommand } from '@povgraph/demo';
import { loadConfig } from '../config';
import { trainingDataSource } from '../subgraph';
import { trainingDemo } from './seedDemo';

/** `node dist/seed [--if-empty] [--reset] [--seed N]`: loads the training demo into this service's database, once the graph runs. */
runSeedCommand({ seed: trainingDemo, config: loadConfig(), dataSource: (url) => trainingDataSource(url) });
