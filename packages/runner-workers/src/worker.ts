/**
 * The worker-thread entry of `@firesale/runner-workers` (piscina loads it). Each thread keeps one
 * {@link BatchCache}: the scenario is prepared and the engine's index built once per thread and plan, then reused
 * for every batch the thread runs.
 *
 * @packageDocumentation
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { threadId } from 'node:worker_threads';
import { createBatchCache, runBatch, type BatchCache } from '@firesale/risk';
import type { VenueFactories } from '@firesale/sdk';
import type { WorkerResult, WorkerTask } from './worker-task';

const caches = new Map<string, BatchCache>();

async function cacheFor(venueFactoriesModule: string | undefined): Promise<BatchCache> {
  const key = venueFactoriesModule ?? '';
  let cache = caches.get(key);
  if (!cache) {
    let venueFactories: VenueFactories | undefined;
    if (venueFactoriesModule) {
      const module = (await import(venueFactoriesModule)) as { venueFactories?: VenueFactories };
      if (!module.venueFactories) throw new Error(`${venueFactoriesModule} exports no venueFactories`);
      venueFactories = module.venueFactories;
    }
    cache = createBatchCache({
      readTextFile: (file, baseDir) => readFileSync(resolve(baseDir ?? process.cwd(), file), 'utf8'),
      ...(venueFactories ? { venueFactories } : {}),
    });
    caches.set(key, cache);
  }
  return cache;
}

/** Runs one batch of a plan in this thread and returns its summary as JSON text (a ping returns the thread's id). */
export default async function runWorkerTask(task: WorkerTask): Promise<WorkerResult> {
  if ('ping' in task) return threadId;
  return JSON.stringify(runBatch(task.plan, task.batchIndex, await cacheFor(task.venueFactoriesModule)));
}
