import path from 'node:path';
import { runNodeToEnd } from './processes';
import { ROOT } from './services';
import type { Stack } from './stack';
import { startWebServer, type WebServer } from './webServer';

export const WEB_DIR = path.join(ROOT, 'web');
export const WEB_PORT = 4100;
const VITE = path.join(WEB_DIR, 'node_modules', 'vite', 'bin', 'vite.js');

/** Builds the front end into web/dist (under a second: the bundler is native). */
export async function buildWeb(): Promise<void> {
  await runNodeToEnd('web build', VITE, ['build', WEB_DIR, '--logLevel', 'warn'], {});
}

/** The front end on WEB_PORT (or $WEB_PORT), talking to the gateway at `gatewayUrl`. */
export function startWeb(gatewayUrl: string): Promise<WebServer> {
  const port = Number(process.env['WEB_PORT'] ?? WEB_PORT);
  return startWebServer({ distDir: path.join(WEB_DIR, 'dist'), gatewayUrl, port }).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'EADDRINUSE' ? new Error(`Port ${port} is taken; set WEB_PORT to another port for the front end.`) : error;
  });
}

/**
 * The front end built while the graph starts, then served beside it; the graph
 * is stopped again if the front end cannot be built or served.
 */
export async function withWeb(starting: Promise<Stack>): Promise<{ stack: Stack; web: WebServer }> {
  const [started, built] = await Promise.allSettled([starting, buildWeb()]);
  if (started.status === 'rejected') throw started.reason;
  const stack = started.value;
  try {
    if (built.status === 'rejected') throw built.reason;
    return { stack, web: await startWeb(stack.gatewayUrl) };
  } catch (error) {
    await stack.stop();
    throw error;
  }
}
