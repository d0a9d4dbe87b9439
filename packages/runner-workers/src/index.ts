/**
 * A firesale Monte Carlo `JobRunner` on Node worker threads (piscina): batches of paths run in parallel,
 * the engine's index is built once per thread, and summaries are merged in batch order so the answer equals the
 * inline runner's.
 *
 * @packageDocumentation
 */
export { createWorkerRunner } from './worker-runner';
export type { WorkerRunnerOptions } from './worker-runner';
export type { WorkerTask, WorkerResult } from './worker-task';
