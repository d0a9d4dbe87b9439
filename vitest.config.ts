import { readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// One root config; every package and app with a test folder is a project. The `source` export condition
// resolves workspace packages to their TypeScript sources, so tests never run against a stale build. Folders are
// found from this file's place, so a package's own `test` script (run from its folder) sees the same projects.
const repo = fileURLToPath(new URL('.', import.meta.url));
const projectDirs = ['packages', 'apps'].flatMap((group) =>
  existsSync(`${repo}${group}`)
    ? readdirSync(`${repo}${group}`)
        .map((name) => `${group}/${name}`)
        .filter((dir) => existsSync(`${repo}${dir}/test`) || existsSync(`${repo}${dir}/src`))
    : [],
);

export default defineConfig({
  resolve: { conditions: ['source', 'import', 'default'] },
  ssr: { resolve: { conditions: ['source', 'import', 'default'] } },
  test: {
    projects: projectDirs.map((dir) => ({
      extends: true,
      test: {
        name: dir.split('/')[1],
        root: `${repo}${dir}`,
        include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
        testTimeout: 60_000,
      },
    })),
  },
});
