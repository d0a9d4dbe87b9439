import { createInlineRunner, type MonteCarloPlan, type MonteCarloSummary, type RunProgress } from '@firesale/risk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBullmqRunner, startBullmqWorker } from '../src/index';
import { smallRiskPlan } from './fixtures/small-plan';
import { expectSameSummary } from './helpers/expect-same-summary';
import { startRedisServer, type TestRedis } from './helpers/redis-server';
import { bundleWorkerEntry, killMidBatch, logWhen, spawnWorker, stopWorker, type WorkerProcess } from './helpers/worker-process';

// The real thing: @firesale/risk batches run by the real `firesale-worker` command (src/bin.ts) in child processes.
let redis: TestRedis;
let workerBin: string;
let victimBin: string;
const plan: MonteCarloPlan = smallRiskPlan(1_200, 60, 2024);
let inline: MonteCarloSummary;

beforeAll(async () => {
  [redis, workerBin, victimBin] = await Promise.all([
    startRedisServer(),
    bundleWorkerEntry('src/bin.ts', 'firesale-worker'),
    bundleWorkerEntry('test/fixtures/risk-victim-worker.ts', 'risk-victim-worker'),
  ]);
  const runner = createInlineRunner();
  inline = await runner.run(plan);
  await runner.close();
});

afterAll(async () => {
  await redis?.stop();
});

const workerArgs = (queueName: string) => [
  '--redis', redis.url, '--queue', queueName, '--lock-duration', '1000', '--stalled-interval', '500', '--verbose',
];

describe('bullmq runner with @firesale/risk', () => {
  it('gives the same summary as the inline runner for the same seed (two worker processes)', async () => {
    const queueName = 'risk-same';
    const workers = await Promise.all([spawnWorker(workerBin, workerArgs(queueName)), spawnWorker(workerBin, workerArgs(queueName))]);
    const runner = createBullmqRunner({ redisUrl: redis.url, queueName, pollIntervalMs: 20 });
    const progress: RunProgress[] = [];
    try {
      const summary = await runner.run(plan, { onProgress: (p) => progress.push(p) });
      expect(summary.pathCount).toBe(1_200);
      expectSameSummary(summary, inline);
      expect(progress.at(-1)).toMatchObject({ pathsDone: 1_200, pathsTotal: 1_200 });
      // Both processes took part (the queue spread the batches).
      for (const w of workers) expect(w.stderr()).toMatch(/batch \d+: 60 paths/);
    } finally {
      await runner.close();
      await Promise.all(workers.map((w) => stopWorker(w)));
    }
  });

  it('a different seed gives a different summary (the comparison can fail)', async () => {
    const queueName = 'risk-seed';
    const worker = await startBullmqWorker({ redisUrl: redis.url, queueName });
    const runner = createBullmqRunner({ redisUrl: redis.url, queueName, pollIntervalMs: 20 });
    try {
      const other = await runner.run(smallRiskPlan(120, 60, 2025));
      expect(JSON.stringify(other)).not.toBe(JSON.stringify(inline));
      expect(other.pathCount).toBe(120);
    } finally {
      await runner.close();
      await worker.close();
    }
  });

  it('kill one worker (SIGKILL) during a run: completes, each path counted once, same summary', async () => {
    const queueName = 'risk-kill';
    // The victim runs real batches and gets stuck in its third, where it is killed; the survivor is the real bin.
    const victim = await spawnWorker(victimBin, workerArgs(queueName), { HANG_AFTER_BATCHES: '2' });
    const survivor = await spawnWorker(workerBin, workerArgs(queueName));
    const workers: WorkerProcess[] = [victim, survivor];
    const runner = createBullmqRunner({ redisUrl: redis.url, queueName, pollIntervalMs: 20 });
    const killer = killMidBatch(victim);
    try {
      const summary = await runner.run(plan);
      const killedBatch = await killer;
      expect((await victim.exited).signal).toBe('SIGKILL');
      expect(await logWhen(() => survivor.stderr(), (log) => log.includes(`batch ${killedBatch}: 60 paths`))).toContain(`batch ${killedBatch}: 60 paths`);
      expect(summary.pathCount).toBe(1_200);
      expectSameSummary(summary, inline);
    } finally {
      await runner.close();
      await Promise.all(workers.map((w) => stopWorker(w)));
    }
  });

  it('restart the coordinator mid-run: resumes from what Redis holds, same summary', async () => {
    const queueName = 'risk-restart';
    const worker = await spawnWorker(workerBin, workerArgs(queueName));
    const abort = new AbortController();
    const first = createBullmqRunner({ redisUrl: redis.url, queueName, runId: 'restart', pollIntervalMs: 20 });
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
      expect(firstDone).toBeLessThan(1_200);

      const second = createBullmqRunner({ redisUrl: redis.url, queueName, runId: 'restart', pollIntervalMs: 20 });
      const progress: RunProgress[] = [];
      try {
        const summary = await second.run(plan, { onProgress: (p) => progress.push(p) });
        expect(progress[0]!.pathsDone).toBeGreaterThanOrEqual(firstDone);
        expect(summary.pathCount).toBe(1_200);
        expectSameSummary(summary, inline);
        // Every batch was computed once: the restarted coordinator enqueued only the missing ones.
        const log = await logWhen(() => worker.stderr(), (text) => (text.match(/batch \d+: 60 paths/g) ?? []).length >= 20);
        const computed = [...log.matchAll(/batch (\d+): 60 paths/g)].map((m) => Number(m[1])).sort((a, b) => a - b);
        expect(computed).toEqual(Array.from({ length: 20 }, (_, i) => i));
      } finally {
        await second.close();
      }
    } finally {
      await first.close();
      await stopWorker(worker);
    }
  });

  it('rejects an invalid plan (negative path count) naming the field, before touching Redis', async () => {
    const runner = createBullmqRunner({ redisUrl: 'redis://127.0.0.1:1' });
    await expect(runner.run({ ...plan, paths: -5 })).rejects.toThrow(/paths/);
    await runner.close();
  });
});
