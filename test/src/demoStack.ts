import { GraphClient } from '@povgraph/graph-client';
import { loadDemo, seedEnvironment, silentProgress, type DemoSeed, type SeedEnvironment } from '@povgraph/demo';
import { createLogger, type BaseContext } from '@povgraph/subgraph-kit';
import { TEST_INTERNAL_SECRET, type TestSubgraphRecipe } from '@povgraph/testing';
import { recipe as householdsRecipe } from '../../services/households/test/fixtures';
import { createServices as householdsServices } from '../../services/households/src/services';
import { seedDemo as seedRegistry } from '../../services/households/src/seed/seedDemo';
import { startTestStack, type TestStack } from './stack';

export interface DemoStack extends TestStack {
  /** What an agency's seed gets, reading the registry through this stack's gateway. */
  environment(): SeedEnvironment;
  /** Loads one agency's demo dataset into its running subgraph's database. */
  seed(name: string, demo: DemoSeed): Promise<void>;
}

/**
 * The graph with the demo registry loaded (only `districts`' households, to keep
 * a suite short; every unit and target is there), and the given agencies on
 * fresh databases, ready for their demo seeds — as `pnpm start` runs them.
 */
export async function startDemoStack(agencies: Record<string, TestSubgraphRecipe<BaseContext & any>>, districts?: readonly string[]): Promise<DemoStack> {
  const stack = await startTestStack({ households: householdsRecipe, ...agencies });
  const logger = createLogger('demo-seed', 'silent');
  const graph = () => new GraphClient({ gatewayUrl: stack.gateway.url, internalSecret: TEST_INTERNAL_SECRET, timeoutMs: 30_000 });
  const households = stack.subgraphs['households']!.dataSource;
  await seedRegistry(households, householdsServices(households, graph()), silentProgress, logger, { districts });
  // As loadDemo does after every seed of `pnpm seed`: the agencies' reads that follow get plans made for these rows.
  await households.query('ANALYZE');
  const environment = () => seedEnvironment({ graph: graph(), logger, progress: silentProgress });
  return {
    ...stack,
    environment,
    async seed(name, demo) {
      await loadDemo(demo, stack.subgraphs[name]!.dataSource, environment());
    },
  };
}
