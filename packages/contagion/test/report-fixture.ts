import type { CascadeReport, LiquidationRecord, MarketSummary } from '@firesale/core';

type MarketSpec = {
  marketId: string;
  initial: number;
  exogenous: number;
  mids: number[];
  liquidations: { t: number; notional: number; shortfall?: number }[];
};

/**
 * A small hand-made {@link CascadeReport}: markets with mid paths sampled at t = 0, 1, 2, ... and liquidation
 * times and notionals, and per-venue insurance funds.
 */
export function makeReport(
  markets: MarketSpec[],
  funds: { venueId: string; paidOut: number; badDebt: number; exhausted?: boolean }[],
  adlProfitGivenUp: number[] = [],
): CascadeReport {
  const steps = Math.max(...markets.map((m) => m.mids.length));
  const liquidations: LiquidationRecord[] = [];
  let id = 0;
  const summaries: MarketSummary[] = markets.map((m) => {
    let notional = 0;
    for (const l of m.liquidations) {
      notional += l.notional;
      liquidations.push({
        timeSeconds: l.t, positionId: id++, accountId: `a${id}`, marketId: m.marketId, side: 1, closedBase: l.notional / m.initial,
        fillPriceQuote: m.initial, notionalQuote: l.notional, generation: 1, route: 'market', feeToFundQuote: 0, shortfallQuote: l.shortfall ?? 0,
      });
    }
    const trough = Math.min(...m.mids);
    const peak = Math.max(...m.mids);
    return {
      marketId: m.marketId, initialPriceQuote: m.initial, exogenousPriceQuote: m.initial * (1 - m.exogenous), troughPriceQuote: trough,
      peakPriceQuote: peak, finalPriceQuote: m.mids[m.mids.length - 1]!, troughDropFraction: (m.initial - trough) / m.initial,
      exogenousMoveFraction: m.exogenous, amplification: 1, timeToTroughSeconds: m.mids.indexOf(trough), halfRecoverySeconds: null,
      liquidatedCount: m.liquidations.length, liquidatedNotionalQuote: notional, haltedSeconds: 0,
    };
  });
  liquidations.sort((a, b) => a.timeSeconds - b.timeSeconds);
  const badDebt = funds.reduce((s, f) => s + f.badDebt, 0);
  return {
    reportVersion: 1,
    seed: 0,
    summary: {
      positions: liquidations.length, liquidations: liquidations.length, liquidatedPositions: liquidations.length,
      liquidatedNotionalQuote: summaries.reduce((s, m) => s + m.liquidatedNotionalQuote, 0), generations: 1,
      adlCount: adlProfitGivenUp.length, adlNotionalQuote: 0, badDebtQuote: badDebt, socialisedLossQuote: badDebt,
      insuranceFundUsedQuote: funds.reduce((s, f) => s + f.paidOut, 0), durationSeconds: steps - 1,
    },
    markets: summaries,
    insuranceFunds: funds.map((f) => ({
      venueId: f.venueId, initialQuote: f.paidOut, finalQuote: 0, minimumQuote: 0, feesInQuote: 0, paidOutQuote: f.paidOut,
      exhausted: f.exhausted ?? false, badDebtQuote: f.badDebt,
    })),
    timeline: {
      timeSeconds: Array.from({ length: steps }, (_, k) => k),
      midPriceQuote: Object.fromEntries(markets.map((m) => [m.marketId, m.mids])),
      markPriceQuote: Object.fromEntries(markets.map((m) => [m.marketId, m.mids])),
      liquidatedNotionalQuote: {},
      insuranceFundQuote: {},
    },
    liquidations,
    adl: adlProfitGivenUp.map((p, k) => ({
      timeSeconds: 1, marketId: markets[0]!.marketId, liquidatedPositionId: k, counterpartyPositionId: 100 + k,
      counterpartyAccountId: `c${k}`, sizeBase: 1, priceQuote: 1, profitGivenUpQuote: p,
    })),
    containment: [],
    liquidationsByGeneration: [liquidations.length],
    arbitrage: [],
  };
}
