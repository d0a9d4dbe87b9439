#!/usr/bin/env node
// Regenerates packages/testkit/golden/*.expected.json by running every golden scenario through core with the
// generic venue (its defaults). Run from anywhere: node packages/testkit/scripts/record-golden.mjs
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const result = spawnSync('npx', ['vitest', 'run', '--project', 'testkit', 'test/golden-recordings.test.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, FIRESALE_RECORD_GOLDEN: '1' },
});
process.exit(result.status ?? 1);
