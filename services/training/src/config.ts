import { loadSubgraphConfig, type SubgraphConfig } from '@povgraph/subgraph-kit';

/**
 * TRAINING_PORT (4004), TRAINING_HOST, TRAINING_DATABASE_URL or DATABASE_URL +
 * TRAINING_DATABASE_NAME, POVGRAPH_INTERNAL_SECRET, GATEWAY_URL, LOG_LEVEL — read once, here.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): SubgraphConfig {
  return loadSubgraphConfig('training', 4004, env);
}
