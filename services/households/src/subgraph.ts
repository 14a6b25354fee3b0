import path from 'node:path';
import type { DataSource, Logger as TypeOrmLogger } from 'typeorm';
import { createDataSource } from '@povgraph/db';
import { GraphClient } from '@povgraph/graph-client';
import { loadTypeDefs, type Logger, type SubgraphOptions } from '@povgraph/subgraph-kit';
import { contextFactory, type Context } from './context';
import { entities } from './entities';
import { migrations } from './migrations';
import { resolvers } from './resolvers';
import { createServices } from './services';

export const SERVICE_NAME = 'households';

/** Works from src/ (tests) and dist/ (the built service): the SDL ships beside both. */
export const SCHEMA_PATH = path.join(__dirname, '..', 'src', 'schema.graphql');

export function householdsDataSource(url: string, logger?: TypeOrmLogger): DataSource {
  return createDataSource({ url, entities, migrations, applicationName: `povgraph-${SERVICE_NAME}`, logger });
}

export interface HouseholdsSettings {
  port: number;
  host?: string;
  internalSecret: string;
  /** The gateway, through which coverage and targets ask the other agencies. */
  gatewayUrl: string;
  logger: Logger;
}

export function householdsSubgraph(dataSource: DataSource, { gatewayUrl, ...settings }: HouseholdsSettings): SubgraphOptions<Context> {
  const graph = new GraphClient({ gatewayUrl, internalSecret: settings.internalSecret, timeoutMs: 20_000 });
  return {
    name: SERVICE_NAME,
    typeDefs: loadTypeDefs(SCHEMA_PATH),
    resolvers,
    dataSource,
    createContext: contextFactory(dataSource, createServices(dataSource, graph)),
    ...settings,
  };
}
