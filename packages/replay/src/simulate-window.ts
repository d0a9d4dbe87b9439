import { createSimulator, FiresaleError, type CascadeReport, type ShockInput } from '@firesale/core';
import { prepareScenario, type PrepareOptions } from '@firesale/sdk';
import type { MarketObservations, Observations } from './observations';

/** Options of {@link simulateWindow}. */
export type SimulateOptions = Pick<PrepareOptions, 'venueFactories' | 'readTextFile'> & {
  /** Changes the scenario (a JSON copy) before it is built: how calibration tries parameters. */
  readonly adjust?: (scenario: Record<string, unknown>) => void;
};

/**
 * The exogenous path of one market, as moves relative to the price at the snapshot: the history's `reference`
 * records when it has them (engine histories: bit-identical to the run that wrote them), else the observed mid or
 * trade price per step relative to the first observed one. Null when the history has no price for the market.
 */
export function exogenousPath(m: MarketObservations | undefined, obs: Observations): ShockInput['path'] | null {
  if (!m) return null;
  if (m.referenceSeconds.length > 0) {
    const n = m.referenceSeconds.length;
    const fromHeader = obs.scenarioSource === 'header' && obs.header.scenarioTimeSeconds === obs.snapshotSeconds;
    if (fromHeader) return { timeSeconds: m.referenceSeconds.view(), returnFraction: m.referenceMove.view() };
    // Started from a later snapshot: moves relative to the reference price at the snapshot.
    const base = m.referencePrice.data[0]!;
    const moves = new Float64Array(n);
    for (let i = 0; i < n; i++) moves[i] = m.referencePrice.data[i]! / base - 1;
    return { timeSeconds: m.referenceSeconds.view(), returnFraction: moves };
  }
  const lastStep = Math.floor((obs.toSeconds - obs.snapshotSeconds) / obs.stepSeconds + 1e-9);
  const series = (m.mid.observed ? m.mid : m.trade).finish(lastStep);
  let base = NaN;
  let count = 0;
  for (const p of series) if (p === p) count++;
  const times = new Float64Array(count);
  const moves = new Float64Array(count);
  let j = 0;
  for (let k = 0; k < series.length; k++) {
    const p = series[k]!;
    if (p !== p) continue;
    if (base !== base) base = p;
    times[j] = k * obs.stepSeconds;
    moves[j++] = p / base - 1;
  }
  return count > 0 ? { timeSeconds: times, returnFraction: moves } : null;
}

/**
 * Runs the engine over a window of a history: the scenario at the snapshot (optionally adjusted), run from the
 * snapshot to the window end, each market's exogenous price fed as a `ShockInput.path` (see {@link exogenousPath}).
 * The cascade (liquidations, impact, ADL) comes from the engine.
 *
 * @throws `FiresaleErrors` when the scenario is invalid.
 */
export function simulateWindow(obs: Observations, options: SimulateOptions = {}): CascadeReport {
  const scenario = JSON.parse(JSON.stringify(obs.scenario)) as Record<string, unknown>;
  options.adjust?.(scenario);
  const timing = { ...((scenario.timing as Record<string, unknown> | undefined) ?? {}) };
  timing.durationSeconds = Math.max(0, obs.toSeconds - obs.snapshotSeconds);
  timing.stepSeconds = obs.stepSeconds;
  scenario.timing = timing;
  const prepared = prepareScenario(scenario, options);
  const shocks: ShockInput[] = [];
  for (const market of prepared.input.markets) {
    const path = exogenousPath(obs.markets.get(market.marketId), obs);
    if (path) shocks.push({ marketId: market.marketId, returnFraction: 0, path });
  }
  if (shocks.length === 0) {
    throw new FiresaleError('SCENARIO__UNKNOWN_MARKET', {
      path: `${obs.file}: marketId`,
      value: [...obs.markets.keys()].join(', '),
      known: prepared.input.markets.map((m) => m.marketId).join(', '),
    });
  }
  return createSimulator(prepared.input).run({ shocks, seed: obs.seed ?? prepared.seed });
}
