/**
 * `@firesale/runner-bullmq`: a Monte Carlo `JobRunner` across machines. The coordinator enqueues one BullMQ job
 * per batch on Redis; workers (`firesale-worker --redis <url>`) run them; results are stored once per batch and
 * merged in batch order, so the summary equals the inline runner's for the same plan.
 *
 * @packageDocumentation
 */
export { createBullmqRunner } from './bullmq-runner';
export type { BullmqRunner, BullmqRunnerOptions } from './bullmq-runner';
export { startBullmqWorker } from './bullmq-worker';
export type { BatchDoneEvent, BullmqWorkerHandle, BullmqWorkerOptions } from './bullmq-worker';
export type { BatchOps } from './batch-ops';
export { defaultBatchOps, readPlanFile } from './default-batch-ops';
export { runWorkerCli } from './worker-cli';
export type { WorkerCliIo } from './worker-cli';
export { RedisUnreachableError } from './redis-unreachable-error';
export { DEFAULT_QUEUE_NAME, batchJobId, runKeys } from './run-keys';
export type { BatchJobData, RunKeys } from './run-keys';
