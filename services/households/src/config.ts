import { z } from 'zod';
import { resolveDatabaseUrl } from '@povgraph/db';

const schema = z.object({
  HOUSEHOLDS_PORT: z.coerce.number().int().min(0).max(65535).default(4001),
  HOUSEHOLDS_HOST: z.string().default('127.0.0.1'),
  HOUSEHOLDS_DATABASE_URL: z.string().url().optional(),
  DATABASE_URL: z.string().url().optional(),
  HOUSEHOLDS_DATABASE_NAME: z.string().default('povgraph_households'),
  POVGRAPH_INTERNAL_SECRET: z.string().min(32, 'POVGRAPH_INTERNAL_SECRET must be at least 32 characters'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  internalSecret: string;
  logLevel: string;
}

/** Reads the environment once; exits with every problem listed when it is wrong. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new Error(`households: bad configuration\n${problems}`);
  }
  const c = parsed.data;
  return {
    port: c.HOUSEHOLDS_PORT,
    host: c.HOUSEHOLDS_HOST,
    databaseUrl: resolveDatabaseUrl({ serviceUrl: c.HOUSEHOLDS_DATABASE_URL, sharedUrl: c.DATABASE_URL, databaseName: c.HOUSEHOLDS_DATABASE_NAME }),
    internalSecret: c.POVGRAPH_INTERNAL_SECRET,
    logLevel: c.LOG_LEVEL,
  };
}
