import * as Comlink from 'comlink';
import type { RunProgress } from '@firesale/risk';
import { runDepthShockSweep, type SweepOutcome, type SweepProgress, type SweepRequest } from './depth-shock-sweep';
import { runMonteCarlo, type MonteCarloOutcome, type MonteCarloRequest } from './monte-carlo';

/** The analyses the worker runs; one of each kind at a time (a new one cancels the old). */
export type AnalysisKind = 'monteCarlo' | 'sweep';

const running = new Map<AnalysisKind, AbortController>();

function begin(kind: AnalysisKind): AbortController {
  running.get(kind)?.abort();
  const controller = new AbortController();
  running.set(kind, controller);
  return controller;
}

function end(kind: AnalysisKind, controller: AbortController): void {
  if (running.get(kind) === controller) running.delete(kind);
}

/**
 * The analysis worker's API (through comlink). Runs yield to the event loop between batches of paths or
 * sweep cells, so a `cancel` message is seen while they run; progress goes back through a proxied callback.
 */
const analysisApi = {
  async monteCarlo(request: MonteCarloRequest, onProgress: (progress: RunProgress) => void): Promise<MonteCarloOutcome> {
    const controller = begin('monteCarlo');
    try {
      return await runMonteCarlo(request, { onProgress, signal: controller.signal });
    } finally {
      end('monteCarlo', controller);
    }
  },
  async sweep(request: SweepRequest, onProgress: (progress: SweepProgress) => void): Promise<SweepOutcome> {
    const controller = begin('sweep');
    try {
      return await runDepthShockSweep(request, { onProgress, signal: controller.signal });
    } finally {
      end('sweep', controller);
    }
  },
  cancel(kind: AnalysisKind): void {
    running.get(kind)?.abort();
  },
};

/** The type the page wraps with `Comlink.wrap`. */
export type AnalysisApi = typeof analysisApi;

Comlink.expose(analysisApi);
