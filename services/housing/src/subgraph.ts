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

export const SERVICE_NAME = 'housing';

/** Works from src/ (tests) and dist/ (the built service): the SDL ships beside both. */
export const SCHEMA_PATH = path.join(__dirname, '..', 'src', 'schema.graphql');

export function housingDataSource(url: string, logger?: TypeOrmLogger): DataSource {
  return createDataSource({ url, entities, migrations, applicationName: `povgraph-${SERVICE_NAME}`, logger });
}

export function housingSubgraph(
  dataSource: DataSource,
  { gatewayUrl, ...settings }: { port: number; host?: string; internalSecret: string; logger: Logger; gatewayUrl: string },
): SubgraphOptions<Context> {
  // The registry (households, the map) and VBSP loans (credit) are read through the gateway.
  const graph = new GraphClient({ gatewayUrl, internalSecret: settings.internalSecret });
  return {
    name: SERVICE_NAME,
    typeDefs: loadTypeDefs(SCHEMA_PATH),
    resolvers,
    dataSource,
    createContext: contextFactory(dataSource, createServices(dataSource, graph)),
    ...settings,
  };
}
