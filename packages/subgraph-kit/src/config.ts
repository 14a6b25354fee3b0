import { z } from 'zod';
import { resolveDatabaseUrl } from '@povgraph/db';

export const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info');

/** Parses the environment with `schema`, or throws one error listing every problem. */
export function parseEnvironment<S extends z.ZodType>(service: string, schema: S, env: NodeJS.ProcessEnv): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new Error(`${service}: bad configuration\n${problems}`);
  }
  return parsed.data;
}

/** What every subgraph is configured with. */
export interface SubgraphConfig {
  port: number;
  host: string;
  databaseUrl: string;
  internalSecret: string;
  /** The gateway, through which a service reads other agencies' data. */
  gatewayUrl: string;
  logLevel: string;
}

/**
 * The settings every subgraph reads, named after it: for `credit`, CREDIT_PORT,
 * CREDIT_HOST, CREDIT_DATABASE_URL or DATABASE_URL + CREDIT_DATABASE_NAME, plus the
 * shared POVGRAPH_INTERNAL_SECRET, GATEWAY_URL and LOG_LEVEL. `extra` adds the service's own.
 */
export function loadSubgraphConfig<E extends z.ZodRawShape = {}>(
  service: string,
  defaultPort: number,
  env: NodeJS.ProcessEnv,
  extra?: E,
): SubgraphConfig & { extra: z.infer<z.ZodObject<E>> } {
  const prefix = service.toUpperCase();
  const common = z.object({
    [`${prefix}_PORT`]: z.coerce.number().int().min(0).max(65535).default(defaultPort),
    [`${prefix}_HOST`]: z.string().default('127.0.0.1'),
    [`${prefix}_DATABASE_URL`]: z.string().url().optional(),
    [`${prefix}_DATABASE_NAME`]: z.string().regex(/^[a-z_][a-z0-9_]*$/, 'lower-case letters, digits and _').default(`povgraph_${service}`),
    DATABASE_URL: z.string().url().optional(),
    POVGRAPH_INTERNAL_SECRET: z.string().min(32, 'must be at least 32 characters'),
    GATEWAY_URL: z.string().url().default('http://127.0.0.1:4000/graphql'),
    LOG_LEVEL: logLevel,
  });
  const values = parseEnvironment(service, common, env) as Record<string, any>;
  const own = parseEnvironment(service, z.object(extra ?? ({} as E)), env);
  return {
    port: values[`${prefix}_PORT`],
    host: values[`${prefix}_HOST`],
    databaseUrl: resolveDatabaseUrl({ serviceUrl: values[`${prefix}_DATABASE_URL`], sharedUrl: values['DATABASE_URL'], databaseName: values[`${prefix}_DATABASE_NAME`] }),
    internalSecret: values['POVGRAPH_INTERNAL_SECRET'],
    gatewayUrl: values['GATEWAY_URL'],
    logLevel: values['LOG_LEVEL'],
    extra: own,
  };
}
