import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: ['src/index.ts'],
    format: ['esm'],
    dts: { compilerOptions: { customConditions: [] } },
    sourcemap: true,
    clean: false,
    target: 'es2022',
  },
  {
    // The worker script is self-contained: the engine, SDK and risk code are bundled from their sources, so a
    // thread runs exactly the code the coordinator was built with.
    entry: ['src/worker.ts'],
    format: ['esm'],
    dts: false,
    sourcemap: true,
    clean: false,
    target: 'es2022',
    platform: 'node',
    noExternal: [/.*/],
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    esbuildOptions(options) {
      options.conditions = ['source', 'import', 'default'];
    },
  },
]);
