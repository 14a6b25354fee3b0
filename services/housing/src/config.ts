import { loadSubgraphConfig, type SubgraphConfig } from '@povgraph/subgraph-kit';

/**
 * HOUSING_PORT (4003), HOUSING_HOST, HOUSING_DATABASE_URL or DATABASE_URL +
 * HOUSING_DATABASE_NAME, POVGRAPH_INTERNAL_SECRET, GATEWAY_URL, LOG_LEVEL — read once, here.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): SubgraphConfig {
  return loadSubgraphConfig('housing', 4003, env);
}
