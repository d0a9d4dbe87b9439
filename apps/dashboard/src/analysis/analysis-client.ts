import * as Comlink from 'comlink';
import type { RunProgress } from '@firesale/risk';
import type { AnalysisApi, AnalysisKind } from './analysis-worker';
import type { SweepOutcome, SweepProgress, SweepRequest } from './depth-shock-sweep';
import type { MonteCarloOutcome, MonteCarloRequest } from './monte-carlo';

/**
 * The page's handle on the analysis worker (Monte Carlo and the depth-by-shock sweep), separate from the
 * cascade worker so moving a control stays quick while an analysis runs. Started on first use.
 */
export class AnalysisClient {
  private api: Comlink.Remote<AnalysisApi> | undefined;

  private remote(): Comlink.Remote<AnalysisApi> {
    this.api ??= Comlink.wrap<AnalysisApi>(new Worker(new URL('./analysis-worker.ts', import.meta.url), { type: 'module' }));
    return this.api;
  }

  /** Runs Monte Carlo paths in the worker; `onProgress` is called as batches finish. */
  monteCarlo(request: MonteCarloRequest, onProgress: (progress: RunProgress) => void): Promise<MonteCarloOutcome> {
    return this.guard(this.remote().monteCarlo(request, Comlink.proxy(onProgress)) as Promise<MonteCarloOutcome>);
  }

  /** Runs the depth-by-shock sweep in the worker; `onProgress` is called per cell. */
  sweep(request: SweepRequest, onProgress: (progress: SweepProgress) => void): Promise<SweepOutcome> {
    return this.guard(this.remote().sweep(request, Comlink.proxy(onProgress)) as Promise<SweepOutcome>);
  }

  /** Stops the running analysis of this kind; its promise resolves `{ok: false, cancelled: true}`. */
  cancel(kind: AnalysisKind): void {
    void this.api?.cancel(kind);
  }

  private async guard<T>(promise: Promise<T>): Promise<T | { ok: false; problems: { code: string; path: string; message: string }[] }> {
    try {
      return await promise;
    } catch (error) {
      return { ok: false, problems: [{ code: 'INTERNAL', path: '', message: error instanceof Error ? error.message : String(error) }] };
    }
  }
}
