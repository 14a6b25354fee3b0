import path from 'node:path';
import express, { type Router } from 'express';

/**
 * GraphiQL served from this machine's node_modules, so the explorer works with no
 * internet access (Apollo's default landing page loads from a CDN).
 */
const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));
const assets: Record<string, string> = {
  'react.js': path.join(packageDir('react'), 'umd', 'react.production.min.js'),
  'react-dom.js': path.join(packageDir('react-dom'), 'umd', 'react-dom.production.min.js'),
  'graphiql.js': path.join(packageDir('graphiql'), 'graphiql.min.js'),
  'graphiql.css': path.join(packageDir('graphiql'), 'graphiql.min.css'),
};

const page = (endpoint: string) => `<!doctype html>
<html lang="vi">
<head>
  <meta charset="utf-8" />
  <title>povgraph — GraphiQL</title>
  <link rel="stylesheet" href="/explorer/graphiql.css" />
  <style>body { margin: 0; height: 100vh; }</style>
</head>
<body>
  <div id="graphiql" style="height: 100vh"></div>
  <script src="/explorer/react.js"></script>
  <script src="/explorer/react-dom.js"></script>
  <script src="/explorer/graphiql.js"></script>
  <script>
    const defaultQuery = [
      '# povgraph: one graph over the poverty-reduction programme.',
      '# Mint a token with "pnpm -s token --role ANALYST" and put it in Headers:',
      '#   { "Authorization": "Bearer <token>" }',
      '{',
      '  adminUnit(code: "630") {',
      '    name',
      '    poverty(year: 2023) { totalHouseholds poor povertyRate poorChangeFromPreviousYear }',
      '  }',
      '}',
    ].join('\\n');
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, {
        fetcher: GraphiQL.createFetcher({ url: ${JSON.stringify(endpoint)} }),
        defaultQuery,
        // Empty, so the schema loads at once; the query's comment says how to add a token.
        defaultHeaders: '{}',
        shouldPersistHeaders: true,
      }),
    );
  </script>
</body>
</html>`;

export function explorerRouter(endpoint: string): Router {
  const router = express.Router();
  router.get('/explorer', (_req, res) => {
    res.type('html').send(page(endpoint));
  });
  for (const [name, file] of Object.entries(assets)) {
    router.get(`/explorer/${name}`, (_req, res) => res.sendFile(file, { maxAge: '1d', dotfiles: 'allow' }));
  }
  return router;
}
