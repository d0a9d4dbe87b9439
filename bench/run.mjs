// Runs every benchmark in bench/ (each a plain script) and passes the arguments on.
// `pnpm bench -- --json` prints one JSON object per benchmark, one per line.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2).filter((a) => a !== '--');
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const scripts = readdirSync(here)
  .filter((f) => f.endsWith('.mjs') && f !== 'run.mjs' && !f.startsWith('_'))
  .filter((f) => !only || only.split(',').includes(f.replace(/\.mjs$/, '')))
  .sort();
let failed = 0;
for (const script of scripts) {
  const result = spawnSync(process.execPath, ['--expose-gc', join(here, script), ...args.filter((a) => !a.startsWith('--only='))], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exitCode = failed === 0 ? 0 : 1;
