import { loadSubgraphConfig, type SubgraphConfig } from '@povgraph/subgraph-kit';

/**
 * CREDIT_PORT (4002), CREDIT_HOST, CREDIT_DATABASE_URL or DATABASE_URL +
 * CREDIT_DATABASE_NAME (povgraph_credit), POVGRAPH_INTERNAL_SECRET, GATEWAY_URL, LOG_LEVEL — read once, here.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): SubgraphConfig {
  return loadSubgraphConfig('credit', 4002, env);
}
