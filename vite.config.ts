import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

// The renderer is built once into dist-renderer/ and served by both doors: the
// Electron app:// protocol and the browser-mode HTTP server. Relative base so the
// same files work under either origin.
export default defineConfig({
  root: resolve(import.meta.dirname, 'src-renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist-renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // `npm run dev:renderer` proxies API calls to a running `npm run serve`.
    proxy: { '/api': 'http://127.0.0.1:5178' },
  },
});
