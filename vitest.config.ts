import { readdirSync, existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// One root config; every package and app with a test folder is a project. The `source` export condition
// resolves workspace packages to their TypeScript sources, so tests never run against a stale build.
const projectDirs = ['packages', 'apps'].flatMap((group) =>
  existsSync(group)
    ? readdirSync(group)
        .map((name) => `${group}/${name}`)
        .filter((dir) => existsSync(`${dir}/test`) || existsSync(`${dir}/src`))
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
        root: dir,
        include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
        testTimeout: 60_000,
      },
    })),
  },
});
