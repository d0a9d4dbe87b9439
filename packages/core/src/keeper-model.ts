import type { AmountQuote, Seconds } from '@firesale/spec';
import { FiresaleError } from './firesale-error';

/**
 * A window in which no keeper (liquidator bot) acts: liquidation orders on the named markets (every market when
 * `marketIds` is absent) do not execute from `fromSeconds` (inclusive) to `toSeconds` (exclusive). Positions that
 * become liquidatable meanwhile are still detected and wait; they execute after the window, deeper underwater.
 */
export type KeeperOutageInput = {
  readonly fromSeconds: Seconds;
  readonly toSeconds: Seconds;
  readonly marketIds?: readonly string[];
};

/** Keeper outages resolved to market indices: one window per row, `market` -1 for every market. */
export type KeeperOutageWindows = {
  readonly fromSeconds: Float64Array;
  readonly toSeconds: Float64Array;
  readonly market: Int32Array;
};

/**
 * Checks the outage windows and resolves their market ids to indices in `marketIds`.
 *
 * @throws {@link FiresaleError} `SCENARIO__INVALID_FIELD` for a negative or non-finite start, or an end not after
 * the start; `SCENARIO__UNKNOWN_MARKET` for a market id that is not in `marketIds`.
 */
export function resolveKeeperOutages(outages: readonly KeeperOutageInput[], marketIds: readonly string[]): KeeperOutageWindows {
  if (outages.length === 0) return NO_OUTAGES;
  const from: number[] = [];
  const to: number[] = [];
  const market: number[] = [];
  outages.forEach((outage, i) => {
    const path = `timing.keeperOutages[${i}]`;
    if (!(outage.fromSeconds >= 0) || !Number.isFinite(outage.fromSeconds)) {
      throw new FiresaleError('SCENARIO__INVALID_FIELD', { path: `${path}.fromSeconds`, value: outage.fromSeconds, reason: 'must be a non-negative number' });
    }
    if (!(outage.toSeconds > outage.fromSeconds)) {
      throw new FiresaleError('SCENARIO__INVALID_FIELD', { path: `${path}.toSeconds`, value: outage.toSeconds, reason: 'must be after fromSeconds' });
    }
    const ids = outage.marketIds;
    if (ids === undefined) {
      from.push(outage.fromSeconds);
      to.push(outage.toSeconds);
      market.push(-1);
      return;
    }
    ids.forEach((id, k) => {
      const mi = marketIds.indexOf(id);
      if (mi < 0) throw new FiresaleError('SCENARIO__UNKNOWN_MARKET', { path: `${path}.marketIds[${k}]`, value: id, known: marketIds.join(', ') });
      from.push(outage.fromSeconds);
      to.push(outage.toSeconds);
      market.push(mi);
    });
  });
  return { fromSeconds: Float64Array.from(from), toSeconds: Float64Array.from(to), market: Int32Array.from(market) };
}

/** No window (shared: most runs have none, and a Monte Carlo path should not allocate for them). */
const NO_OUTAGES: KeeperOutageWindows = { fromSeconds: new Float64Array(0), toSeconds: new Float64Array(0), market: new Int32Array(0) };

/** True when keepers are out on market `marketIndex` at `timeSeconds`. */
export function inKeeperOutage(windows: KeeperOutageWindows, marketIndex: number, timeSeconds: Seconds): boolean {
  const n = windows.market.length;
  for (let k = 0; k < n; k++) {
    const m = windows.market[k]!;
    if ((m === -1 || m === marketIndex) && timeSeconds >= windows.fromSeconds[k]! && timeSeconds < windows.toSeconds[k]!) return true;
  }
  return false;
}

/**
 * A keeper's decision on one liquidation: it sends the order only when the reward the venue pays it on that close
 * (the liquidator's share of the liquidation fee or bonus) covers its cost (gas plus the slippage it bears).
 * A cost of 0 always liquidates (the default, and what a venue's own liquidation engine does).
 */
export function keeperLiquidates(rewardQuote: AmountQuote, costQuote: AmountQuote): boolean {
  return costQuote <= 0 || rewardQuote >= costQuote;
}
