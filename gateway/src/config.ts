import { z } from 'zod';
import path from 'node:path';
import { logLevel, parseEnvironment } from '@povgraph/subgraph-kit';

const schema = z.object({
  GATEWAY_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  GATEWAY_HOST: z.string().default('127.0.0.1'),
  POVGRAPH_JWT_SECRET: z.string().min(32, 'POVGRAPH_JWT_SECRET must be at least 32 characters'),
  POVGRAPH_INTERNAL_SECRET: z.string().min(32, 'POVGRAPH_INTERNAL_SECRET must be at least 32 characters'),
  SUPERGRAPH_PATH: z.string().default(path.join(__dirname, '..', 'supergraph.graphql')),
  LOG_LEVEL: logLevel,
});

export interface GatewayConfig {
  port: number;
  host: string;
  jwtSecret: string;
  internalSecret: string;
  supergraphPath: string;
  /** Subgraph name → URL, overriding the URLs written in the supergraph. */
  subgraphUrls: Record<string, string>;
  logLevel: string;
}

/** `<NAME>_SUBGRAPH_URL`, e.g. CREDIT_SUBGRAPH_URL, points the gateway at a subgraph. */
function subgraphUrlsFrom(env: NodeJS.ProcessEnv): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    const match = /^([A-Z][A-Z0-9]*)_SUBGRAPH_URL$/.exec(key);
    if (match && value) {
      if (!z.string().url().safeParse(value).success) throw new Error(`gateway: ${key} is not a URL: ${value}`);
      urls[match[1]!.toLowerCase()] = value;
    }
  }
  return urls;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const c = parseEnvironment('gateway', schema, env);
  return {
    port: c.GATEWAY_PORT,
    host: c.GATEWAY_HOST,
    jwtSecret: c.POVGRAPH_JWT_SECRET,
    internalSecret: c.POVGRAPH_INTERNAL_SECRET,
    supergraphPath: c.SUPERGRAPH_PATH,
    subgraphUrls: subgraphUrlsFrom(env),
    logLevel: c.LOG_LEVEL,
  };
}
