import { createSimulator } from '@firesale/core';
import type { PreparedScenario } from '@firesale/sdk';

/** One price band of the liquidation heatmap. */
export type HeatmapBand = {
  /** Band index: band k spans initial * (1 + k * bandFraction) to initial * (1 + (k + 1) * bandFraction). */
  readonly index: number;
  readonly lowerPriceQuote: number;
  readonly upperPriceQuote: number;
  /** Notional (quote, at entry) of longs whose liquidation price lies in the band. */
  readonly longNotionalQuote: number;
  readonly shortNotionalQuote: number;
  readonly positions: number;
};

/** Liquidation heatmap of one market: where its positions' liquidation prices lie. */
export type MarketHeatmap = {
  readonly marketId: string;
  readonly initialPriceQuote: number;
  readonly bandFraction: number;
  /** Dense bands from the lowest to the highest non-empty one (within `maxDistanceFraction`). */
  readonly bands: readonly HeatmapBand[];
  /** Long notional liquidated by a fall of at most 1%, 2%, 5%, 10%, 20% (keys are the fractions). */
  readonly longNotionalWithinDrop: Readonly<Record<string, number>>;
  readonly shortNotionalWithinRise: Readonly<Record<string, number>>;
  /** Positions left out: cross accounts with several positions (no single liquidation price) and far ones. */
  readonly positionsOutside: number;
};

/** Concentration indices of a notional distribution. */
export type ConcentrationIndex = {
  /** Herfindahl–Hirschman index: sum of squared shares (1/n for n equal holders, 1 for one). */
  readonly hhi: number;
  /** Share of the total held by the k largest. */
  readonly topKShare: number;
  readonly k: number;
  readonly holders: number;
  readonly totalNotionalQuote: number;
};

/** Leverage concentration of a scenario's positions. */
export type LeverageConcentration = {
  readonly heatmaps: readonly MarketHeatmap[];
  /** By account (notional at entry summed per account, every market). */
  readonly byAccount: ConcentrationIndex;
  /** By liquidation-price band (every market's bands pooled). */
  readonly byPriceBand: ConcentrationIndex;
  /** Notional-weighted mean leverage at entry of isolated positions. */
  readonly meanLeverage: number;
};

/** Options of {@link leverageConcentration}. */
export type ConcentrationOptions = {
  /** Band width as a fraction of the initial price. Default 0.01 (1%). */
  readonly bandFraction?: number;
  /** Bands beyond this distance from the initial price are left out. Default 0.5. */
  readonly maxDistanceFraction?: number;
  /** k of the top-k share. Default 10. */
  readonly topK?: number;
};

const DROPS = [0.01, 0.02, 0.05, 0.1, 0.2];

/**
 * Leverage concentration: the liquidation heatmap (notional by liquidation price and market) and concentration
 * indices (HHI, top-k share) by account and by price band. Liquidation prices are the ones the simulator indexes
 * (`Simulator.liquidationPrices` of `@firesale/core`); positions of cross accounts checked as a whole (several positions or
 * asset collateral) have none and count as outside. Pass a freshly prepared scenario: the simulator built here
 * takes over its positions, as any simulator does.
 */
export function leverageConcentration(prepared: PreparedScenario, options: ConcentrationOptions = {}): LeverageConcentration {
  const bandFraction = options.bandFraction ?? 0.01;
  const maxDistance = options.maxDistanceFraction ?? 0.5;
  const { input } = prepared;
  const positions = input.positions;
  const n = positions.count;
  const initial = input.markets.map((m) => m.book.initialMidPriceQuote);
  const bands = input.markets.map(() => new Map<number, { long: number; short: number; count: number }>());
  const outside = new Uint32Array(input.markets.length);
  const within = input.markets.map(() => ({ long: DROPS.map(() => 0), short: DROPS.map(() => 0) }));
  const accountNotional = new Float64Array(input.accounts.length);
  const liquidationPrices = createSimulator(input).liquidationPrices();
  let leverageWeighted = 0;
  let isolatedNotional = 0;
  for (let i = 0; i < n; i++) {
    const a = positions.accountIndex[i]!;
    const m = positions.marketIndex[i]!;
    const notional = positions.sizeBase[i]! * positions.entryPriceQuote[i]!;
    accountNotional[a]! += notional;
    const margin = positions.marginQuote[i]!;
    if (input.accounts[a]!.marginMode !== 'cross' && margin > 0) {
      leverageWeighted += notional * (notional / margin);
      isolatedNotional += notional;
    }
    const p0 = initial[m]!;
    const distance = liquidationPrices[i]! / p0 - 1;
    const side = positions.side[i]!;
    DROPS.forEach((d, k) => {
      if (side === 1 && distance >= -d) within[m]!.long[k]! += notional;
      if (side === -1 && distance <= d) within[m]!.short[k]! += notional;
    });
    if (!Number.isFinite(distance) || Math.abs(distance) > maxDistance) {
      outside[m]!++;
      continue;
    }
    const k = Math.floor(distance / bandFraction + 1e-9);
    const band = bands[m]!.get(k) ?? { long: 0, short: 0, count: 0 };
    if (side === 1) band.long += notional;
    else band.short += notional;
    band.count++;
    bands[m]!.set(k, band);
  }
  const heatmaps: MarketHeatmap[] = input.markets.map((market, m) => {
    const keys = [...bands[m]!.keys()];
    const list: HeatmapBand[] = [];
    if (keys.length > 0) {
      const lo = Math.min(...keys);
      const hi = Math.max(...keys);
      for (let k = lo; k <= hi; k++) {
        const b = bands[m]!.get(k);
        list.push({
          index: k,
          lowerPriceQuote: initial[m]! * (1 + k * bandFraction),
          upperPriceQuote: initial[m]! * (1 + (k + 1) * bandFraction),
          longNotionalQuote: b?.long ?? 0,
          shortNotionalQuote: b?.short ?? 0,
          positions: b?.count ?? 0,
        });
      }
    }
    return {
      marketId: market.marketId,
      initialPriceQuote: initial[m]!,
      bandFraction,
      bands: list,
      longNotionalWithinDrop: Object.fromEntries(DROPS.map((d, k) => [String(d), within[m]!.long[k]!])),
      shortNotionalWithinRise: Object.fromEntries(DROPS.map((d, k) => [String(d), within[m]!.short[k]!])),
      positionsOutside: outside[m]!,
    };
  });
  const bandNotionals = heatmaps.flatMap((h) => h.bands.map((b) => b.longNotionalQuote + b.shortNotionalQuote));
  const k = options.topK ?? 10;
  return {
    heatmaps,
    byAccount: concentrationIndex(Array.from(accountNotional), k),
    byPriceBand: concentrationIndex(bandNotionals, k),
    meanLeverage: isolatedNotional > 0 ? leverageWeighted / isolatedNotional : NaN,
  };
}

/** HHI and top-k share of holdings (zero holdings are ignored). */
export function concentrationIndex(amounts: readonly number[], k = 10): ConcentrationIndex {
  const held = amounts.filter((x) => x > 0).sort((a, b) => b - a);
  const total = held.reduce((s, x) => s + x, 0);
  let hhi = 0;
  for (const x of held) hhi += (x / total) ** 2;
  let top = 0;
  for (let i = 0; i < Math.min(k, held.length); i++) top += held[i]!;
  return { hhi: total > 0 ? hhi : 0, topKShare: total > 0 ? top / total : 0, k, holders: held.length, totalNotionalQuote: total };
}
