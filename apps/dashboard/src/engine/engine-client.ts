import * as Comlink from 'comlink';
import type { EngineApi } from './engine-worker';
import type { SimulationRequest } from './scenario-runner';
import type { SimulationOutcome } from './simulation-result';

/**
 * The page's handle on the engine worker. Requests made while one runs are coalesced: only the latest waits,
 * so dragging a slider never queues stale runs and the page never blocks.
 */
export class EngineClient {
  private readonly api = Comlink.wrap<EngineApi>(new Worker(new URL('./engine-worker.ts', import.meta.url), { type: 'module' }));
  private running = false;
  private pending: { request: SimulationRequest; done: (outcome: SimulationOutcome | undefined) => void } | undefined;

  /** Resolves with the outcome, or undefined if a newer request replaced this one before it started. */
  simulate(request: SimulationRequest): Promise<SimulationOutcome | undefined> {
    return new Promise((resolve) => {
      this.pending?.done(undefined);
      this.pending = { request, done: resolve };
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    while (this.pending) {
      const { request, done } = this.pending;
      this.pending = undefined;
      this.running = true;
      try {
        done(await this.api.simulate(request));
      } catch (error) {
        done({ ok: false, problems: [{ code: 'INTERNAL', path: '', message: error instanceof Error ? error.message : String(error) }] });
      } finally {
        this.running = false;
      }
    }
  }
}
