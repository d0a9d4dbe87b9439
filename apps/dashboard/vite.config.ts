import { defineConfig } from 'vite';

// The dashboard is a static site: the engine runs in a module Web Worker, workspace packages resolve to their
// TypeScript sources through the `source` export condition, so no package build is needed first.
export default defineConfig({
  base: './',
  resolve: {
    conditions: ['source', 'module', 'browser', 'import', 'default'],
    // The SDK's CSV parser imports csv-parse's Node build (it uses Buffer); its browser build carries a polyfill.
    alias: [{ find: /^csv-parse\/sync$/, replacement: 'csv-parse/browser/esm/sync' }],
  },
  worker: { format: 'es' },
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
