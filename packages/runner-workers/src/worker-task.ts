import type { BatchSummary, MonteCarloPlan } from '@firesale/risk';

/** What the coordinator sends a worker thread for one batch. */
export type WorkerTask = {
  readonly plan: MonteCarloPlan;
  readonly batchIndex: number;
  /** Module (specifier or file URL) whose `venueFactories` export replaces the SDK's venue models. */
  readonly venueFactoriesModule?: string;
};

/** What a worker thread returns: the batch summary. */
export type WorkerResult = BatchSummary;
