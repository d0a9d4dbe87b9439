import type { CascadeReport } from '@firesale/core';
import { compareReplay, type ReplayComparison } from './compare-replay';
import { collectObservations, type CollectOptions, type Observations } from './observations';
import type { HistoryItem } from './read-history';
import { simulateWindow, type SimulateOptions } from './simulate-window';

/** Options of {@link replayHistory}. */
export type ReplayOptions = CollectOptions & Omit<SimulateOptions, 'adjust'>;

/** The outcome of a replay. */
export type ReplayResult = {
  /** History name (header), the file, where the scenario came from and how much was read. */
  readonly history: {
    readonly file: string;
    readonly name: string | undefined;
    readonly scenarioSource: Observations['scenarioSource'];
    readonly recordsRead: number;
    readonly dataStartSeconds: number;
    readonly dataEndSeconds: number;
  };
  readonly comparison: ReplayComparison;
  /** The engine's report for the run (engine times are seconds since the snapshot). */
  readonly report: CascadeReport;
  /** Set when the input broke off at a bad line: the replay covers the records before it. */
  readonly inputError: Observations['inputError'];
};

/**
 * Replays a history: reads it once (streamed), runs the engine from the snapshot before the window with the
 * history's exogenous price as the shock path, and compares simulated with actual over the window (price path,
 * liquidated notional per minute, ADL count and notional, time from the first liquidation to the first ADL, and for
 * engine histories the events one by one). A history cut short by a bad line is replayed up to it
 * (`inputError` says what happened).
 *
 * @throws `FiresaleError` `HISTORY__WINDOW_OUTSIDE_DATA` for a window outside the data (naming `--from`/`--to`
 * and the data's time range), `HISTORY__INVALID_WINDOW` for one that ends before it starts; {@link HistoryError}
 * for a missing scenario; `FiresaleErrors` for an invalid scenario.
 *
 * @example
 * ```ts
 * const result = await replayHistory(readHistory(createReadStream('crash.jsonl', 'utf8'), { file: 'crash.jsonl' }));
 * result.comparison.events.identical; // true for a history the engine wrote
 * ```
 */
export async function replayHistory(items: AsyncIterable<HistoryItem>, options: ReplayOptions = {}): Promise<ReplayResult> {
  const obs = await collectObservations(items, options);
  const report = simulateWindow(obs, options);
  return {
    history: {
      file: obs.file,
      name: obs.header.name,
      scenarioSource: obs.scenarioSource,
      recordsRead: obs.recordsRead,
      dataStartSeconds: obs.dataStartSeconds,
      dataEndSeconds: obs.dataEndSeconds,
    },
    comparison: compareReplay(obs, report),
    report,
    inputError: obs.inputError,
  };
}
