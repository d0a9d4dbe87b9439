import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const packageDir = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Bundles a worker entry (TypeScript, workspace packages from their sources) into one ESM file under this
 * package's node_modules/.cache, so a child `node` process can run it; bullmq and ioredis stay external and resolve
 * from this package's node_modules.
 */
export async function bundleWorkerEntry(entryRelativeToPackage: string, name: string): Promise<string> {
  const outDir = `${packageDir}node_modules/.cache/firesale-worker-test`;
  mkdirSync(outDir, { recursive: true });
  const outfile = `${outDir}/${name}.mjs`;
  await build({
    entryPoints: [`${packageDir}${entryRelativeToPackage}`],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    conditions: ['source'],
    external: ['bullmq', 'ioredis'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'error',
  });
  return outfile;
}

/** A worker child process with its stderr collected. */
export type WorkerProcess = {
  readonly child: ChildProcess;
  readonly pid: number;
  /** Everything the worker wrote on stderr so far. */
  stderr(): string;
  /** Resolves when the process has exited. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

/** Spawns `node <bundle> ...args` and waits until it says it is waiting for batches. */
export async function spawnWorker(bundle: string, args: readonly string[], env: Record<string, string> = {}): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [bundle, ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start:\n${stderr}`)), 20_000);
    const check = setInterval(() => {
      if (stderr.includes('waiting for batches')) {
        clearTimeout(timer);
        clearInterval(check);
        resolve();
      }
    }, 20);
    void exited.then(({ code }) => {
      clearTimeout(timer);
      clearInterval(check);
      reject(new Error(`worker exited with ${code} before starting:\n${stderr}`));
    });
  });
  return { child, pid: child.pid as number, stderr: () => stderr, exited };
}

/** Stops a worker child: SIGTERM (graceful) then SIGKILL after a grace period. */
export async function stopWorker(worker: WorkerProcess, graceMs = 5_000): Promise<void> {
  if (worker.child.exitCode !== null || worker.child.signalCode !== null) return;
  worker.child.kill('SIGTERM');
  const timer = setTimeout(() => worker.child.kill('SIGKILL'), graceMs);
  await worker.exited;
  clearTimeout(timer);
}

/**
 * Waits until the worker (run with `--verbose` and HANG_AFTER_BATCHES, so it gets stuck in a batch) has finished
 * at least one batch and started another it has not finished, then kills it with SIGKILL. Returns that batch.
 */
export async function killMidBatch(worker: WorkerProcess, timeoutMs = 20_000): Promise<number> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const log = worker.stderr();
    const started = [...log.matchAll(/batch (\d+) started/g)].map((m) => Number(m[1]));
    const finished = new Set([...log.matchAll(/batch (\d+): \d+ paths/g)].map((m) => Number(m[1])));
    const running = started.find((b) => !finished.has(b));
    if (finished.size > 0 && running !== undefined) {
      worker.child.kill('SIGKILL');
      return running;
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  throw new Error(`worker never ran a second batch:\n${worker.stderr()}`);
}

/**
 * A worker's log once `until` holds for it (or as it is after `timeoutMs`, for the assertion to show). A worker logs
 * a batch after storing its result, so the coordinator can finish before the last lines reach the pipe.
 */
export async function logWhen(read: () => string, until: (log: string) => boolean, timeoutMs = 5_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (!until(read()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  return read();
}
