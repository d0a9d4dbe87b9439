/**
 * A firesale Monte Carlo `JobRunner` on Node worker threads (piscina): batches of paths run in parallel,
 * the engine's index is built once per thread, and summaries are merged in batch order so the answer equals the
 * inline runner's.
 *
 * @packageDocumentation
 */
export { createWorkerRunner } from './worker-runner';
export type { WorkerRunner, WorkerRunnerOptions } from './worker-runner';
export type { WorkerBatchTask, WorkerPing, WorkerResult, WorkerTask } from './worker-task';
