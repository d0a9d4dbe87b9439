import type { BatchSummary, MonteCarloPlan } from '@firesale/risk';

/** What the coordinator sends a worker thread: one batch, or a ping that answers once the thread has started. */
export type WorkerTask = WorkerPing | WorkerBatchTask;

/** Answered with the thread's id as soon as the thread runs tasks (its modules are loaded). */
export type WorkerPing = { readonly ping: true };

/** One batch of a plan. */
export type WorkerBatchTask = {
  readonly plan: MonteCarloPlan;
  readonly batchIndex: number;
  /** Module (specifier or file URL) whose `venueFactories` export replaces the SDK's venue models. */
  readonly venueFactoriesModule?: string;
};

/**
 * What a worker thread returns: the batch summary as JSON text (cloning the summary's hundred small objects
 * between threads costs ~0.8 ms a batch, its JSON ~0.2 ms; summaries hold finite numbers only, so the text is
 * exact), or for a ping its `threadId`. A summary object is accepted too (from a custom `workerUrl`).
 */
export type WorkerResult = string | BatchSummary | number;
