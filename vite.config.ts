import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const { version } = JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as { version: string };

// The renderer is built once into dist-renderer/ and served by both doors: the
// Electron app:// protocol and the browser-mode HTTP server. Relative base so the
// same files work under either origin.
export default defineConfig({
  root: resolve(import.meta.dirname, 'src-renderer'),
  base: './',
  plugins: [react()],
  // Shown in Settings → About; the build date also decides when the UI says an update
  // is due (src-renderer/app/build-info.ts).
  define: {
    __KARTOTEKA_VERSION__: JSON.stringify(version),
    __KARTOTEKA_BUILT_AT__: JSON.stringify(new Date().toISOString()),
  },
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
