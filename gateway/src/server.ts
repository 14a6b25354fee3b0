import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { Logger } from '@povgraph/subgraph-kit';
import type { GatewayConfig } from './config';
import { readGatewayContext, type GatewayContext } from './context';
import { CallerForwardingDataSource } from './dataSource';
import { explorerRouter } from './explorer';
import { exportRouter } from './export';
import { requireTokenPlugin } from './plugins';
import { readSupergraph, type SubgraphEndpoint } from './supergraph';

export interface RunningGateway {
  url: string;
  explorerUrl: string;
  stop(): Promise<void>;
}

async function subgraphHealth(subgraphs: SubgraphEndpoint[]): Promise<Record<string, string>> {
  const entries = await Promise.all(
    subgraphs.map(async ({ name, url }) => {
      try {
        const response = await fetch(url.replace(/\/graphql$/, '/health'), { signal: AbortSignal.timeout(2000) });
        return [name, response.ok ? 'ok' : `unhealthy (${response.status})`] as const;
      } catch {
        return [name, 'unreachable'] as const;
      }
    }),
  );
  return Object.fromEntries(entries);
}

/** Serves the supergraph: POST /graphql, CSV exports at /export.csv, the explorer at /explorer, and /health. */
export async function startGateway(config: GatewayConfig, logger: Logger): Promise<RunningGateway> {
  const { sdl, subgraphs } = readSupergraph(config.supergraphPath, config.subgraphUrls);
  // @apollo/gateway reports usage data to Apollo unless this is set (its only switch);
  // this graph reports nowhere, and its stop() would wait on an unreachable exporter.
  process.env['APOLLO_TELEMETRY_DISABLED'] = 'true';
  const gateway = new ApolloGateway({
    supergraphSdl: sdl,
    buildService: ({ name, url }) => new CallerForwardingDataSource(name, config.subgraphUrls[name] ?? url!, config.internalSecret),
  });
  const app = express();
  const httpServer = http.createServer(app);
  // Outlive the callers' pooled connections: a server closing an idle socket just as
  // the gateway reuses it (Node's 5 s default) turns a good fetch into "socket hang up".
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  const server = new ApolloServer<GatewayContext>({
    gateway,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled(), requireTokenPlugin()],
    includeStacktraceInErrorResponses: false,
    // The explorer and the web's codegen read the schema; Apollo would turn this off under NODE_ENV=production.
    introspection: true,
    // index.ts owns the signals (graceful stop, then exit); Apollo's own handlers would race it.
    stopOnTerminationSignals: false,
  });
  await server.start();

  app.get('/', (_req, res) => res.redirect('/explorer'));
  app.use(explorerRouter('/graphql'));
  app.get('/health', async (_req, res) => {
    res.set('Connection', 'close'); // one-off probes must not hold a graceful stop open
    res.json({ service: 'gateway', status: 'ok', subgraphs: await subgraphHealth(subgraphs) });
  });
  app.use(
    '/graphql',
    express.json({ limit: '2mb' }),
    expressMiddleware(server, { context: async ({ req }) => readGatewayContext(req.headers, config, logger) }),
  );
  app.use(exportRouter(server, (req) => readGatewayContext(req.headers, config, logger)));

  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const { port } = httpServer.address() as AddressInfo;
  const base = `http://${config.host}:${port}`;
  logger.info({ url: `${base}/graphql`, subgraphs }, 'gateway ready');
  return { url: `${base}/graphql`, explorerUrl: `${base}/explorer`, stop: () => server.stop() };
}
