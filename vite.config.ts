import { defineConfig } from 'vite';

// The web app: React + MapLibre, built into dist/web and served by the API server.
// In development (`npm run dev:web`) API calls are proxied to a running `npm start`.
export default defineConfig({
  root: 'src/web',
  publicDir: 'public',
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
