#!/usr/bin/env node
// Scaffolds packages/<name> with the shared package shape: ESM build (tsup), types first in `exports`,
// a `source` condition for tests and typecheck, typedoc and vitest wiring.
// Usage: node scripts/new-package.mjs <name> "<description>" [dep ...]
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';

const [name, description = '', ...deps] = process.argv.slice(2);
if (!name) {
  console.error('usage: node scripts/new-package.mjs <name> "<description>" [@firesale/dep ...]');
  process.exit(2);
}
const dir = `packages/${name}`;
if (existsSync(dir)) {
  console.error(`${dir} exists already`);
  process.exit(2);
}
mkdirSync(`${dir}/src`, { recursive: true });
mkdirSync(`${dir}/test`, { recursive: true });
const pkg = {
  name: `@firesale/${name}`,
  version: '0.1.0',
  description,
  license: 'Apache-2.0',
  type: 'module',
  sideEffects: false,
  exports: {
    '.': {
      source: './src/index.ts',
      types: './dist/index.d.ts',
      import: './dist/index.js',
    },
  },
  main: './dist/index.js',
  types: './dist/index.d.ts',
  files: ['dist', 'README.md'],
  scripts: {
    build: 'tsup',
    typecheck: 'tsc -p tsconfig.json',
    lint: 'eslint src test',
  },
  dependencies: Object.fromEntries(deps.map((d) => [d, 'workspace:*'])),
  publishConfig: { access: 'public' },
};
writeFileSync(`${dir}/package.json`, JSON.stringify(pkg, null, 2) + '\n');
writeFileSync(
  `${dir}/tsconfig.json`,
  JSON.stringify({ extends: '../../tsconfig.base.json', include: ['src', 'test'] }, null, 2) + '\n',
);
writeFileSync(
  `${dir}/tsup.config.ts`,
  `import { defineConfig } from 'tsup';\n\nexport default defineConfig({\n  entry: ['src/index.ts'],\n  format: ['esm'],\n  dts: { compilerOptions: { customConditions: [] } },\n  sourcemap: true,\n  clean: true,\n  target: 'es2022',\n});\n`,
);
writeFileSync(
  `${dir}/typedoc.json`,
  JSON.stringify({ extends: ['../../typedoc.base.json'], entryPoints: ['src/index.ts'] }, null, 2) + '\n',
);
writeFileSync(`${dir}/README.md`, `# @firesale/${name}\n\n${description}\n`);
console.log(`created ${dir}`);
