import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBullmqRunner, runKeys, runWorkerCli, startBullmqWorker } from '../src/index';
import type { RunProgress } from '@firesale/risk';
import { runStandInInline, standInOps, standInPlan } from './fixtures/stand-in-ops';
import { expectSameSummary } from './helpers/expect-same-summary';
import { freePort, startRedisServer, type TestRedis } from './helpers/redis-server';
import { bundleWorkerEntry, killMidBatch, logWhen, spawnWorker, stopWorker, type WorkerProcess } from './helpers/worker-process';

// Queue mechanics with a stand-in batch function (risk-independent): ordering, exactly-once results, fault recovery.
let redis: TestRedis;
let workerBundle: string;

beforeAll(async () => {
  [redis, workerBundle] = await Promise.all([
    startRedisServer(),
    bundleWorkerEntry('test/fixtures/stand-in-worker.ts', 'stand-in-worker'),
  ]);
});

afterAll(async () => {
  await redis?.stop();
});

/** Batch indices each worker log says it computed and stored. */
function storedBatches(logs: readonly string[]): number[] {
  const batches: number[] = [];
  for (const log of logs) {
    for (const m of log.matchAll(/batch (\d+): \d+ paths in \d+ ms(?! \(already)/g)) batches.push(Number(m[1]));
  }
  return batches.sort((a, b) => a - b);
}

describe('bullmq runner mechanics (stand-in batch function)', () => {
  it('gives the inline summary with two in-process workers, merging out-of-order batches in order', async () => {
    const plan = standInPlan(1_030, 50);
    const queueName = 'mech-same';
    const workers = await Promise.all(
      [0, 1].map(() => startBullmqWorker({ redisUrl: redis.url, queueName, batchOps: standInOps(2), concurrency: 3 })),
    );
    const runner = createBullmqRunner({ redisUrl: redis.url, queueName, batchOps: standInOps(), pollIntervalMs: 20 });
    const progress: RunProgress[] = [];
    try {
      const summary = await runner.run(plan, { onProgress: (p) => progress.push(p) });
      expectSameSummary(summary, runStandInInline(plan));
      expect(summary).toMatchObject({ paths: 1_030, pathIndexSum: (1_029 * 1_030) / 2 });
      expect(progress.at(-1)).toMatchObject({ pathsDone: 1_030, pathsTotal: 1_030 });
      for (let i = 1; i < progress.length; i++) {
        expect(progress[i]!.pathsDone).toBeGreaterThanOrEqual(progress[i - 1]!.pathsDone);
      }
      // Re-running the same plan finds every result in Redis and enqueues nothing.
      const again = await runner.run(plan);
      expectSameSummary(again, summary);
    } finally {
      await runner.close();
      await Promise.all(workers.map((w) => w.close()));
    }
  });

  it('ignores a duplicate result: a batch stored once is never counted twice', async () => {
    const plan = standInPlan(300, 100);
    const queueName = 'mech-dup';
    const runner = createBullmqRunner({ redisUrl: redis.url, queueName, runId: 'dup-run', batchOps: standInOps(), pollIntervalMs: 20 });
    const client = new Redis(redis.url);
    // A batch computed twice (first attempt finished after its retry started) arrives as a second write.
    const ops = standInOps();
    const keys = runKeys(queueName, 'dup-run');
    const worker = await startBullmqWorker({ redisUrl: redis.url, queueName, batchOps: ops });
    try {
      const summary = await runner.run(plan);
      const second = JSON.stringify(ops.runBatch(plan, 1, ops.createCache()));
      expect(await client.hsetnx(keys.results, '1', second)).toBe(0);
      expect(await client.hlen(keys.results)).toBe(3);
      expect(await client.lrange(keys.done, 0, -1)).toHaveLength(3);
      // A finished run's keys expire after resultTtlSeconds (default one day).
      for (const key of [keys.meta, keys.results, keys.done]) {
        const ttl = await client.ttl(key);
        expect(ttl).toBeGreaterThan(86_000);
        expect(ttl).toBeLessThanOrEqual(86_400);
      }
      expectSameSummary(summary, runStandInInline(plan));
    } finally {
      client.disconnect();
      await runner.close();
      await worker.close();
    }
  });

  it('loses nothing when a worker is killed (SIGKILL) mid-batch: the batch is re-run, each path counted once', async () => {
    const plan = standInPlan(2_000, 50);
    const queueName = 'mech-kill';
    const args = ['--redis', redis.url, '--queue', queueName, '--lock-duration', '1000', '--stalled-interval', '500', '--verbose'];
    const victim = await spawnWorker(workerBundle, args, { STAND_IN_BUSY_MS: '20', HANG_AFTER_BATCHES: '2' });
    const survivor = await spawnWorker(workerBundle, args, { STAND_IN_BUSY_MS: '20' });
    const runner = createBullmqRunner({ redisUrl: redis.url, queueName, batchOps: standInOps(), pollIntervalMs: 20 });
    const killer = killMidBatch(victim);
    const workers: WorkerProcess[] = [victim, survivor];
    try {
      const summary = await runner.run(plan);
      const killedBatch = await killer;
      expect((await victim.exited).signal).toBe('SIGKILL');
      expect(summary).toMatchObject({ paths: 2_000, pathIndexSum: (1_999 * 2_000) / 2 });
      expectSameSummary(summary, runStandInInline(plan));
      // The killed batch was stored by the survivor; every batch was stored exactly once.
      await logWhen(() => workers.map((w) => w.stderr()).join('\n'), (log) => storedBatches([log]).length >= 40);
      const stored = storedBatches(workers.map((w) => w.stderr()));
      expect(stored).toEqual(Array.from({ length: 40 }, (_, i) => i));
      expect(storedBatches([survivor.stderr()])).toContain(killedBatch);
    } finally {
      await runner.close();
      await Promise.all(workers.map((w) => stopWorker(w)));
    }
  });

  it('resumes when the coordinator is restarted mid-run with the same run id', async () => {
    const plan = standInPlan(1_500, 50);
    const queueName = 'mech-restart';
    const worker = await spawnWorker(workerBundle, ['--redis', redis.url, '--queue', queueName, '--verbose']);
    const first = createBullmqRunner({ redisUrl: redis.url, queueName, runId: 'restart-run', batchOps: standInOps(), pollIntervalMs: 20 });
    const abort = new AbortController();
    let firstDone = 0;
    try {
      await expect(
        first.run(plan, {
          signal: abort.signal,
          onProgress: (p) => {
            firstDone = p.pathsDone;
            if (p.pathsDone >= 300) abort.abort(new Error('coordinator stopped'));
          },
        }),
      ).rejects.toThrow('coordinator stopped');
      await first.close();
      expect(firstDone).toBeGreaterThanOrEqual(300);
      expect(firstDone).toBeLessThan(1_500);

      const second = createBullmqRunner({ redisUrl: redis.url, queueName, runId: 'restart-run', batchOps: standInOps(), pollIntervalMs: 20 });
      const progress: RunProgress[] = [];
      try {
        const summary = await second.run(plan, { onProgress: (p) => progress.push(p) });
        expectSameSummary(summary, runStandInInline(plan));
        // It started from what Redis held, not from zero...
        expect(progress[0]!.pathsDone).toBeGreaterThanOrEqual(firstDone);
        // ...and no batch was computed twice (the restarted coordinator enqueued only missing batches).
        await logWhen(() => worker.stderr(), (log) => storedBatches([log]).length >= 30);
        expect(storedBatches([worker.stderr()])).toEqual(Array.from({ length: 30 }, (_, i) => i));
        expect(worker.stderr()).not.toContain('already stored');
      } finally {
        await second.close();
      }
    } finally {
      await first.close();
      await stopWorker(worker);
    }
  });

  it('rejects a different plan under a run id that Redis holds', async () => {
    const queueName = 'mech-conflict';
    const runner = createBullmqRunner({ redisUrl: redis.url, queueName, runId: 'conflict', batchOps: standInOps() });
    const worker = await startBullmqWorker({ redisUrl: redis.url, queueName, batchOps: standInOps() });
    try {
      await runner.run(standInPlan(100, 50, 1));
      await expect(runner.run(standInPlan(100, 50, 2))).rejects.toThrow(/runId: run "conflict" in Redis holds a different plan/);
    } finally {
      await runner.close();
      await worker.close();
    }
  });

  it('fails the run with the worker error when the batch function throws', async () => {
    const queueName = 'mech-error';
    const failing = { ...standInOps(), runBatch: () => { throw new Error('shockModel.sigma: -1 must be positive'); } };
    const worker = await startBullmqWorker({ redisUrl: redis.url, queueName, batchOps: failing });
    const runner = createBullmqRunner({ redisUrl: redis.url, queueName, batchOps: standInOps(), pollIntervalMs: 20 });
    try {
      await expect(runner.run(standInPlan(100, 50, 3))).rejects.toThrow(/failed on a worker: batch \d: shockModel.sigma: -1 must be positive/);
    } finally {
      await runner.close();
      await worker.close();
    }
  });
});

describe('unreachable Redis', () => {
  it('fails fast naming the address (coordinator)', async () => {
    const port = await freePort();
    const runner = createBullmqRunner({ redisUrl: `redis://127.0.0.1:${port}`, batchOps: standInOps() });
    const started = Date.now();
    await expect(runner.run(standInPlan(10, 5))).rejects.toThrow(`cannot reach Redis at redis://127.0.0.1:${port} (ECONNREFUSED)`);
    expect(Date.now() - started).toBeLessThan(5_000);
    await runner.close();
  });

  it('fails fast naming the address (firesale-worker command), exit code 1', async () => {
    const port = await freePort();
    const lines: string[] = [];
    const started = Date.now();
    const code = await runWorkerCli(['--redis', `redis://:secret@127.0.0.1:${port}`], {
      writeError: (l) => lines.push(l),
      stopRequested: () => new Promise(() => undefined),
      workerOptions: { batchOps: standInOps() },
    });
    expect(code).toBe(1);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(lines).toEqual([`firesale: cannot reach Redis at redis://:***@127.0.0.1:${port} (ECONNREFUSED)`]);
  });

  it('rejects bad worker arguments with a message naming the flag', async () => {
    const lines: string[] = [];
    const io = { writeError: (l: string) => lines.push(l), stopRequested: () => new Promise<string>(() => undefined) };
    expect(await runWorkerCli(['--redis', 'redis://127.0.0.1:1', '--concurrency', '0'], io)).toBe(1);
    expect(lines[0]).toBe('firesale: --concurrency: "0" must be a positive integer');
    lines.length = 0;
    expect(await runWorkerCli([], io)).toBe(1);
    expect(lines[0]).toBe('firesale: --redis <url> is required');
  });
});
