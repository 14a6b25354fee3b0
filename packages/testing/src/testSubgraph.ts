import type { DataSource, Logger as TypeOrmLogger } from 'typeorm';
import { openDatabase, SqlCounter } from '@povgraph/db';
import { createLogger, startSubgraph, type BaseContext, type Logger, type SubgraphOptions } from '@povgraph/subgraph-kit';
import { TEST_INTERNAL_SECRET } from './callers';
import { graphqlClient, type GraphQLClient } from './graphqlClient';
import { createTestDatabase, type TestDatabase } from './testDatabase';

export interface TestSubgraph {
  url: string;
  /** Anonymous client; `.as(caller)` to act as someone. */
  client: GraphQLClient;
  dataSource: DataSource;
  /** Counts every SQL statement the service sends. */
  sql: SqlCounter;
  database: TestDatabase;
  stop(): Promise<void>;
}

/** What a recipe gets to build its subgraph with. */
export interface TestSubgraphSettings {
  port: number;
  internalSecret: string;
  logger: Logger;
  /** The gateway through which the service reads other agencies' data (unreachable by default). */
  gatewayUrl: string;
}

export interface TestSubgraphRecipe<TContext extends BaseContext> {
  label: string;
  dataSource(url: string, logger: TypeOrmLogger): DataSource;
  subgraph(dataSource: DataSource, settings: TestSubgraphSettings): SubgraphOptions<TContext>;
}

/** Nothing listens on the discard port: upstream calls fail at once. */
export const UNREACHABLE_GATEWAY = 'http://127.0.0.1:9/graphql';

/** A subgraph on a free port over a fresh, migrated database: what one suite needs. */
export async function startTestSubgraph<TContext extends BaseContext>(recipe: TestSubgraphRecipe<TContext>, gatewayUrl = UNREACHABLE_GATEWAY): Promise<TestSubgraph> {
  const database = await createTestDatabase(recipe.label);
  const sql = new SqlCounter();
  const dataSource = await openDatabase(recipe.dataSource(database.url, sql), database.url);
  const running = await startSubgraph(recipe.subgraph(dataSource, { port: 0, internalSecret: TEST_INTERNAL_SECRET, logger: createLogger(recipe.label), gatewayUrl }));
  return {
    url: running.url,
    client: graphqlClient(running.url, TEST_INTERNAL_SECRET),
    dataSource,
    sql,
    database,
    async stop() {
      await running.stop();
      await dataSource.destroy();
      await database.drop();
    },
  };
}
