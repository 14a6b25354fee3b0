import { runSeedCommand } from '@povgraph/demo';
import { loadConfig } from '../config';
import { creditDataSource } from '../subgraph';
import { creditDemo } from './seedDemo';

/** `node dist/seed [--if-empty] [--reset] [--seed N]`: loads VBSP's demo dataset (the registry's must be loaded and the graph running). */
runSeedCommand({ seed: creditDemo, config: loadConfig(), dataSource: (url) => creditDataSource(url) });
