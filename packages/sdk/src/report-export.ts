import type { CascadeReport } from '@firesale/core';

function csv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const cell = (v: unknown): string => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [header.join(','), ...rows.map((r) => r.map(cell).join(','))].join('\n') + '\n';
}

/**
 * The report as CSV tables, by file name: `liquidations.csv`, `timeline.csv` (one row per step: time, each
 * market's mid and mark, liquidated notional, each venue's fund), `adl.csv`, `markets.csv`.
 */
export function reportToCsv(report: CascadeReport): Record<string, string> {
  const marketIds = report.markets.map((m) => m.marketId);
  const venueIds = report.insuranceFunds.map((f) => f.venueId);
  const t = report.timeline;
  const timelineHeader = [
    'time_seconds',
    ...marketIds.flatMap((m) => [`${m}_mid_quote`, `${m}_mark_quote`, `${m}_liquidated_notional_quote`]),
    ...venueIds.map((v) => `${v}_insurance_fund_quote`),
  ];
  const timelineRows = t.timeSeconds.map((time, k) => [
    time,
    ...marketIds.flatMap((m) => [t.midPriceQuote[m]![k], t.markPriceQuote[m]![k], t.liquidatedNotionalQuote[m]![k]]),
    ...venueIds.map((v) => t.insuranceFundQuote[v]![k]),
  ]);
  return {
    'liquidations.csv': csv(
      ['time_seconds', 'position_id', 'account_id', 'market_id', 'side', 'closed_base', 'fill_price_quote', 'notional_quote', 'generation', 'route', 'fee_to_fund_quote', 'shortfall_quote'],
      report.liquidations.map((l) => [l.timeSeconds, l.positionId, l.accountId, l.marketId, l.side === 1 ? 'long' : 'short', l.closedBase, l.fillPriceQuote, l.notionalQuote, l.generation, l.route, l.feeToFundQuote, l.shortfallQuote]),
    ),
    'timeline.csv': csv(timelineHeader, timelineRows),
    'adl.csv': csv(
      ['time_seconds', 'market_id', 'liquidated_position_id', 'counterparty_position_id', 'counterparty_account_id', 'size_base', 'price_quote', 'profit_given_up_quote'],
      report.adl.map((a) => [a.timeSeconds, a.marketId, a.liquidatedPositionId, a.counterpartyPositionId, a.counterpartyAccountId, a.sizeBase, a.priceQuote, a.profitGivenUpQuote]),
    ),
    'markets.csv': csv(
      ['market_id', 'initial_price_quote', 'exogenous_price_quote', 'trough_price_quote', 'final_price_quote', 'trough_drop_fraction', 'amplification', 'time_to_trough_seconds', 'half_recovery_seconds', 'liquidated_count', 'liquidated_notional_quote'],
      report.markets.map((m) => [m.marketId, m.initialPriceQuote, m.exogenousPriceQuote, m.troughPriceQuote, m.finalPriceQuote, m.troughDropFraction, m.amplification, m.timeToTroughSeconds, m.halfRecoverySeconds, m.liquidatedCount, m.liquidatedNotionalQuote]),
    ),
  };
}
