import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** The gateway paths the front end calls; forwarded as they are, so the app talks to one origin. */
const GATEWAY_PATHS = ['/graphql', '/export.csv'];
/** What a forwarded request may carry (the operation's JSON); the gateway takes no more. */
const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** Headers passed on to the gateway, and back. */
const REQUEST_HEADERS = ['authorization', 'content-type', 'accept', 'x-request-id'];
const RESPONSE_HEADERS = ['content-type', 'content-disposition', 'cache-control', 'allow'];

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
};

export interface WebServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Serves the built front end (web/dist) and forwards /graphql and /export.csv to
 * the gateway — what a reverse proxy does in front of both in production. Any
 * other path that is not a file answers index.html (the app reads its URL).
 */
export async function startWebServer(options: { distDir: string; gatewayUrl: string; port: number; host?: string }): Promise<WebServer> {
  const distDir = path.resolve(options.distDir);
  if (!existsSync(path.join(distDir, 'index.html'))) throw new Error(`The front end is not built: no ${path.join(distDir, 'index.html')} (pnpm --filter @povgraph/web build).`);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://web');
    const handled = GATEWAY_PATHS.includes(url.pathname) ? forward(req, res, `${options.gatewayUrl}${url.pathname}${url.search}`) : serveFile(distDir, url.pathname, res);
    handled.catch((error: Error) => {
      if (res.headersSent) {
        res.destroy(error);
        return;
      }
      res.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: `The gateway cannot be reached: ${error.message}`, extensions: { code: 'UPSTREAM_UNAVAILABLE' } }] }));
    });
  });
  // Outlive the browser's keep-alive sockets, as the gateway does.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function forward(req: http.IncomingMessage, res: http.ServerResponse, target: string): Promise<void> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      res.writeHead(413, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: 'The request is larger than 2 MB.', extensions: { code: 'BAD_REQUEST' } }] }));
      return;
    }
    chunks.push(chunk as Buffer);
  }
  const headers: Record<string, string> = {};
  for (const name of REQUEST_HEADERS) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  const method = req.method ?? 'GET';
  const answer = await fetch(target, { method, headers, body: method === 'GET' || method === 'HEAD' ? undefined : Buffer.concat(chunks) });
  const back: Record<string, string> = {};
  for (const name of RESPONSE_HEADERS) {
    const value = answer.headers.get(name);
    if (value) back[name] = value;
  }
  res.writeHead(answer.status, back).end(Buffer.from(await answer.arrayBuffer()));
}

async function serveFile(distDir: string, pathname: string, res: http.ServerResponse): Promise<void> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Malformed path.');
    return;
  }
  const requested = path.resolve(distDir, `.${decoded}`);
  const inside = requested.startsWith(distDir + path.sep);
  const file = inside && (await stat(requested).catch(() => null))?.isFile() ? requested : path.join(distDir, 'index.html');
  const isAsset = file !== path.join(distDir, 'index.html') && file.includes(`${path.sep}assets${path.sep}`);
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    // Built assets carry a content hash in their names; the page itself must always be fresh.
    'cache-control': isAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  createReadStream(file).pipe(res);
}
