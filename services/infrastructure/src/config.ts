import { loadSubgraphConfig, type SubgraphConfig } from '@povgraph/subgraph-kit';

/**
 * INFRASTRUCTURE_PORT (4005), INFRASTRUCTURE_HOST, INFRASTRUCTURE_DATABASE_URL or DATABASE_URL +
 * INFRASTRUCTURE_DATABASE_NAME, POVGRAPH_INTERNAL_SECRET, GATEWAY_URL, LOG_LEVEL — read once, here.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): SubgraphConfig {
  return loadSubgraphConfig('infrastructure', 4005, env);
}
