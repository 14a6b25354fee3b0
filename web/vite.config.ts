import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `vite` (dev) forwards the graph's two endpoints to a running gateway, as the
// production server does (infra/src/webServer.ts), so the app always calls its own origin.
const gateway = process.env['GATEWAY_URL'] ?? 'http://127.0.0.1:4000';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', sourcemap: true },
  server: { proxy: { '/graphql': gateway, '/export.csv': gateway } },
});
