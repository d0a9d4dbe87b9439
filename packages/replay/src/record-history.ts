import { createSimulator, REPORT_VERSION, type ShockInput } from '@firesale/core';
import { prepareScenario, type PrepareOptions } from '@firesale/sdk';
import { HISTORY_FORMAT_VERSION, type HistoryHeader } from './history-records';

/** Options of {@link recordHistory}. */
export type RecordHistoryOptions = PrepareOptions & {
  /** Overrides the scenario's seed. */
  readonly seed?: number;
};

/**
 * The move of the reference price at `t`, summed over a market's ramp shocks, computed exactly as the engine does
 * (so a replay fed these numbers as a path sees bit-identical reference prices).
 */
function rampMove(shocks: readonly ShockInput[], marketId: string, t: number): number {
  let move = 0;
  for (const shock of shocks) {
    if (shock.marketId !== marketId) continue;
    const start = shock.atSeconds ?? 0;
    if (t < start) continue;
    const over = shock.overSeconds ?? 0;
    move += shock.returnFraction * (over > 0 ? Math.min(1, (t - start) / over) : 1);
  }
  return move;
}

/**
 * Runs a scenario through the engine and writes its history as JSON lines (format version
 * {@link HISTORY_FORMAT_VERSION}): a header embedding the scenario and seed (provenance `simulated`), then per step
 * and market the exogenous `reference` move, the step's `liquidation` and `adl` events, and the book `mid` after the
 * step. Replaying the result with `replayHistory` reproduces the same events exactly.
 *
 * @param rawScenario - A scenario as parsed from JSON (the `@firesale/sdk` scenario format).
 * @returns The lines, without line breaks (join with `\n` and end with one).
 * @throws `FiresaleErrors` when the scenario is invalid.
 *
 * @example
 * ```ts
 * writeFileSync('crash.jsonl', [...recordHistory(scenario)].join('\n') + '\n');
 * ```
 */
export function* recordHistory(rawScenario: unknown, options: RecordHistoryOptions = {}): Generator<string> {
  const prepared = prepareScenario(rawScenario, options);
  const seed = options.seed ?? prepared.seed;
  const report = createSimulator(prepared.input).run({ shocks: prepared.shocks, seed });
  const marketIds = prepared.input.markets.map((m) => m.marketId);
  const header: HistoryHeader = {
    type: 'header',
    format: 'firesale-history',
    formatVersion: HISTORY_FORMAT_VERSION,
    name: prepared.scenario.name,
    description: `Engine-generated history of "${prepared.scenario.name}" (seed ${seed}).`,
    defaultProvenance: 'simulated',
    sources: { engine: { provenance: 'simulated', description: 'the firesale engine' } },
    stepSeconds: prepared.scenario.timing.stepSeconds ?? 1,
    scenario: rawScenario,
    scenarioTimeSeconds: 0,
    seed,
    markets: report.markets.map((m) => ({
      marketId: m.marketId,
      initialPriceQuote: m.initialPriceQuote,
      shockStartSeconds: Math.min(...prepared.shocks.filter((s) => s.marketId === m.marketId).map((s) => s.atSeconds ?? 0)),
    })),
    generator: { name: '@firesale/replay', reportVersion: REPORT_VERSION },
  };
  yield JSON.stringify(header);
  const times = report.timeline.timeSeconds;
  let li = 0;
  let ai = 0;
  for (let k = 0; k < times.length; k++) {
    const t = times[k]!;
    for (const [mi, marketId] of marketIds.entries()) {
      const returnFraction = rampMove(prepared.shocks, marketId, t);
      const initial = report.markets[mi]!.initialPriceQuote;
      yield JSON.stringify({ type: 'reference', t, marketId, returnFraction, priceQuote: initial * (1 + returnFraction) });
    }
    for (; li < report.liquidations.length && report.liquidations[li]!.timeSeconds <= t; li++) {
      const r = report.liquidations[li]!;
      yield JSON.stringify({
        type: 'liquidation', t: r.timeSeconds, marketId: r.marketId, side: r.side === 1 ? 'long' : 'short', sizeBase: r.closedBase,
        priceQuote: r.fillPriceQuote, notionalQuote: r.notionalQuote, positionId: r.positionId, accountId: r.accountId,
        generation: r.generation, route: r.route,
      });
    }
    for (; ai < report.adl.length && report.adl[ai]!.timeSeconds <= t; ai++) {
      const d = report.adl[ai]!;
      yield JSON.stringify({
        type: 'adl', t: d.timeSeconds, marketId: d.marketId, sizeBase: d.sizeBase, priceQuote: d.priceQuote,
        liquidatedPositionId: d.liquidatedPositionId, counterpartyPositionId: d.counterpartyPositionId, counterpartyAccountId: d.counterpartyAccountId,
      });
    }
    for (const marketId of marketIds) {
      yield JSON.stringify({ type: 'mid', t, marketId, priceQuote: report.timeline.midPriceQuote[marketId]![k]! });
    }
  }
}
