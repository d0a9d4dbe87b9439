// The whole test suite, as CI runs it: system packages the tests need, build, typecheck, lint, API docs
// (typedoc fails on broken links), every vitest project, then one closing line `tests: N passed, M failed`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

function step(title, command, args) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.log(`\n✖ ${title} failed`);
    return false;
  }
  return true;
}

const ok =
  step('system packages for browser and Redis tests', 'bash', ['scripts/ensure-system-deps.sh']) &&
  step('build, typecheck and lint every package', 'pnpm', ['exec', 'turbo', 'run', 'build', 'typecheck', 'lint', '--output-logs=errors-only']) &&
  // Through turbo, as `pnpm run docs` does (the builds it depends on are cached by the step above).
  step('API reference (typedoc)', 'pnpm', ['exec', 'turbo', 'run', '//#docs:api', '--output-logs=errors-only']);

let passed = 0;
let failed = 0;
let skipped = 0;
let testsOk = false;
if (ok) {
  mkdirSync('test-results', { recursive: true });
  testsOk = step('tests (vitest, every package and app)', 'pnpm', ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json']);
  try {
    const results = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
    passed = results.numPassedTests;
    failed = results.numFailedTests + (results.numFailedTestSuites ?? 0);
    skipped = results.numPendingTests + results.numTodoTests;
  } catch {
    failed += 1;
  }
}
if (!ok) failed += 1;
console.log(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = ok && testsOk && failed === 0 ? 0 : 1;
