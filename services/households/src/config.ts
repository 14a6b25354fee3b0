import { loadSubgraphConfig, type SubgraphConfig } from '@povgraph/subgraph-kit';

/**
 * HOUSEHOLDS_PORT (4001), HOUSEHOLDS_HOST, HOUSEHOLDS_DATABASE_URL or DATABASE_URL +
 * HOUSEHOLDS_DATABASE_NAME, POVGRAPH_INTERNAL_SECRET, LOG_LEVEL — read once, here.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): SubgraphConfig {
  return loadSubgraphConfig('households', 4001, env);
}
