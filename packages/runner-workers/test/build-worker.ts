import { fileURLToPath } from 'node:url';
import { build } from 'tsup';

/**
 * Builds the worker script from the current sources (engine, SDK and risk bundled in, as in the published
 * build), so the threads run exactly the code the inline runner runs in this test process.
 */
export async function buildWorker(): Promise<URL> {
  const outDir = fileURLToPath(new URL('../.test-build/', import.meta.url));
  await build({
    entry: { worker: fileURLToPath(new URL('../src/worker.ts', import.meta.url)) },
    outDir,
    format: ['esm'],
    platform: 'node',
    target: 'es2022',
    noExternal: [/.*/],
    silent: true,
    config: false,
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    esbuildOptions(options) {
      options.conditions = ['source', 'import', 'default'];
    },
  });
  return new URL('../.test-build/worker.js', import.meta.url);
}
