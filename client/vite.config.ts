import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The client lives in its own folder of the workspace; `npx vite build client` and `vite` from the
// repo root both land here. In development the API and socket.io are proxied to the local server
// so cookies stay same-origin, as they are in production where the server serves client/dist.
const clientDir = fileURLToPath(new URL('.', import.meta.url));
const serverOrigin = 'http://127.0.0.1:3000';

export default defineConfig({
  root: clientDir,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // The server's CSP forbids inline scripts and styles, so assets always stay as files.
    assetsInlineLimit: 0,
  },
  server: {
    proxy: {
      '/api': { target: serverOrigin, ws: true },
      '/socket.io': { target: serverOrigin, ws: true },
    },
  },
});
