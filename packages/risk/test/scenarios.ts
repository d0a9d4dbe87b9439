import { readFileSync } from 'node:fs';
import type { VectorCaseV1 } from '@firesale/spec';

/** One market, no positions: the price follows the exogenous path exactly. */
export function emptyScenario(stepSeconds = 600): Record<string, unknown> {
  return {
    name: 'empty',
    seed: 1,
    timing: { stepSeconds },
    venues: [{ id: 'v', model: 'generic', insuranceFundQuote: 1000 }],
    markets: [{ id: 'BTC-PERP', venue: 'v', baseAsset: 'BTC', initialPriceQuote: 100_000, book: { model: 'parametric', depthQuotePerPercent: 20_000_000 } }],
    shocks: [{ market: 'BTC-PERP', returnPct: 0 }],
  };
}

/** A small leveraged crowd on a thin book: cascades on large moves, contained on small ones. */
export function crowdScenario(count = 400): Record<string, unknown> {
  return {
    name: 'crowd',
    seed: 7,
    timing: { stepSeconds: 5 },
    venues: [{ id: 'v', model: 'generic', params: { maintenanceMarginRate: 0.005, liquidationFeeRate: 0.01, maxLeverage: 100 }, insuranceFundQuote: 200_000 }],
    markets: [
      {
        id: 'BTC-PERP',
        venue: 'v',
        baseAsset: 'BTC',
        initialPriceQuote: 100_000,
        book: { model: 'parametric', depthQuotePerPercent: 3_000_000, resilience: { halfLifeSeconds: 60 } },
        stressDepthMultiplier: 0.8,
      },
    ],
    accounts: [{ id: 'whale', marginMode: 'isolated' }],
    positions: [{ account: 'whale', market: 'BTC-PERP', side: 'long', sizeBase: 5, entryPriceQuote: 100_000, leverage: 25 }],
    generators: [
      {
        market: 'BTC-PERP',
        count,
        longShare: 0.7,
        notionalQuote: { distribution: 'lognormal', median: 50_000, sigma: 1, max: 2_000_000 },
        leverage: { distribution: 'discrete', values: [5, 10, 20, 50], weights: [3, 4, 3, 1] },
        entrySpreadFraction: 0.01,
      },
    ],
    shocks: [{ market: 'BTC-PERP', returnPct: -3, overSeconds: 10 }],
  };
}

/**
 * The band of analytic.json's critical_depth cases as a scenario: `positions` longs of `sizeBase` on a linear
 * book of depth 1 (base per quote; the depth multiplier scales it), generic venue with no maintenance margin
 * and no fee, so each position's liquidation price is its trigger `p0 - (i - 0.5) * spacing`.
 */
export function bandScenario(inputs: Record<string, unknown>): Record<string, unknown> {
  const p0 = Number(inputs.p0);
  const count = Number(inputs.positions);
  const spacing = Number(inputs.trigger_spacing);
  const size = Number(inputs.size_base);
  const drop = Number(inputs.exogenous_drop);
  const entry = p0 + 1;
  const positions = Array.from({ length: count }, (_, k) => {
    const trigger = p0 - (k + 1 - 0.5) * spacing;
    return { account: `a${k}`, market: 'M', side: 'long', sizeBase: size, entryPriceQuote: entry, marginQuote: (entry - trigger) * size };
  });
  return {
    name: 'band',
    timing: { stepSeconds: 1, durationSeconds: 1 },
    venues: [{ id: 'analytic', model: 'generic', params: { maintenanceMarginRate: 0, liquidationFeeRate: 0, maxLeverage: 1e12 }, insuranceFundQuote: 0 }],
    markets: [{ id: 'M', venue: 'analytic', baseAsset: 'B', initialPriceQuote: p0, book: { model: 'linear', depthBasePerQuote: 1 } }],
    positions,
    shocks: [{ market: 'M', returnPct: (-drop / p0) * 100 }],
  };
}

/** Cases of one kind in vectors/analytic.json (copied unchanged at the repository root). */
export function analyticCases(kind: string): VectorCaseV1[] {
  const file = JSON.parse(readFileSync(new URL('../../../vectors/analytic.json', import.meta.url), 'utf8')) as { cases: VectorCaseV1[] };
  return file.cases.filter((c) => c.kind === kind);
}

/** Standard normal quantile (Acklam's rational approximation, |error| < 1.2e-9 after one Newton step is not needed here). */
export function normalQuantile(p: number): number {
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p > 1 - lo) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}
