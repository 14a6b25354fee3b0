import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { DocumentNode } from 'graphql';
import type { DataSource } from 'typeorm';
import { readBaseContext, type BaseContext } from './context';
import type { Logger } from './logger';
import { errorPlugin, requireCallerPlugin } from './plugins';

type SubgraphResolvers = NonNullable<Parameters<typeof buildSubgraphSchema>[0] extends infer M ? M extends readonly (infer E)[] ? E extends { resolvers?: infer R } ? R : never : never : never>;

export interface SubgraphOptions<TContext extends BaseContext> {
  name: string;
  /** 0 picks a free port (tests). */
  port: number;
  host?: string;
  typeDefs: DocumentNode;
  /** The service's resolver map (typed by its generated resolver types). */
  resolvers: object;
  dataSource: DataSource;
  logger: Logger;
  /** Shared with the gateway; verifies the forwarded caller. */
  internalSecret: string;
  /** Adds the service's loaders and services to the base context, once per request. */
  createContext(base: BaseContext): TContext;
}

export interface RunningSubgraph {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Answers /health with 200 only while the database answers. */
async function databaseAnswers(dataSource: DataSource): Promise<boolean> {
  if (!dataSource.isInitialized) return false;
  try {
    await Promise.race([
      dataSource.query('SELECT 1'),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref()),
    ]);
    return true;
  } catch {
    return false;
  }
}

/** Starts one subgraph over HTTP: POST /graphql and GET /health. The data source must be initialised. */
export async function startSubgraph<TContext extends BaseContext>(options: SubgraphOptions<TContext>): Promise<RunningSubgraph> {
  const app = express();
  const httpServer = http.createServer(app);
  // Outlive the callers' pooled connections: a server closing an idle socket just as
  // the gateway reuses it (Node's 5 s default) turns a good fetch into "socket hang up".
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  const server = new ApolloServer<TContext>({
    schema: buildSubgraphSchema([{ typeDefs: options.typeDefs, resolvers: options.resolvers as SubgraphResolvers }]),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // Traces are for Apollo Studio, which this graph does not report to.
      ApolloServerPluginInlineTraceDisabled(),
      // No cache hints are set or read anywhere in the graph; the default plugin would
      // still wrap every field of every row (measurable on 1,000-row pages).
      ApolloServerPluginCacheControlDisabled(),
      requireCallerPlugin<TContext>(),
      errorPlugin<TContext>(),
    ],
    includeStacktraceInErrorResponses: false,
    // runSubgraph owns the signals: Apollo's own handlers would race it and hold the stop open.
    stopOnTerminationSignals: false,
  });
  await server.start();

  app.get('/health', async (_req, res) => {
    // Probes are one-off: an idle kept-alive probe socket would hold a graceful stop for its whole grace period.
    res.set('Connection', 'close');
    const ok = await databaseAnswers(options.dataSource);
    res.status(ok ? 200 : 503).json({ service: options.name, status: ok ? 'ok' : 'database unavailable' });
  });
  app.use(
    '/graphql',
    express.json({ limit: '2mb' }),
    expressMiddleware(server, {
      context: async ({ req }) => options.createContext(readBaseContext(req.headers, options.internalSecret, options.logger)),
    }),
  );

  await new Promise<void>((resolve) => httpServer.listen(options.port, options.host ?? '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${options.host ?? '127.0.0.1'}:${port}/graphql`;
  options.logger.info({ url }, `${options.name} subgraph ready`);
  return { url, port, stop: () => server.stop() };
}

/**
 * Starts the subgraph and stops it gracefully on SIGINT / SIGTERM: in-flight
 * requests finish, then the database pool closes, then the process exits.
 */
export async function runSubgraph<TContext extends BaseContext>(options: SubgraphOptions<TContext>): Promise<RunningSubgraph> {
  const running = await startSubgraph(options);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    options.logger.info({ signal }, `${options.name} shutting down`);
    setTimeout(() => process.exit(1), 10_000).unref();
    await running.stop();
    await options.dataSource.destroy();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  return running;
}
