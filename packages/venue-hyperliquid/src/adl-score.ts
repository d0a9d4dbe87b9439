import type { AdlCandidateInputV1 } from '@firesale/spec';

/**
 * Hyperliquid ADL sorting index: positions on the opposite side are ranked by unrealized pnl and leverage used
 * (Hyperliquid docs, trading/auto-deleveraging), as `(mark / entry) * (notional / account value)` for a long
 * (index quoted by HIP-3 deployers' docs, e.g. docs.hyperodd.com/trading/adl). That is
 * `(1 + return on entry) * leverage` with `mark / entry = 1 + return` for a long; firesale applies the same
 * `(1 + side * (mark - entry) / entry) * notional / account value` to shorts, where the docs give no separate form.
 * Account value = margin + unrealized pnl; a position with no positive account value ranks first (Infinity).
 */
export function adlScore(input: AdlCandidateInputV1): number {
  const notional = input.sizeBase * input.markPriceQuote;
  const pnl = input.side * input.sizeBase * (input.markPriceQuote - input.entryPriceQuote);
  const accountValue = input.marginQuote + pnl;
  if (!(accountValue > 0)) return Infinity;
  const grossReturn = 1 + (input.side * (input.markPriceQuote - input.entryPriceQuote)) / input.entryPriceQuote;
  return (grossReturn * notional) / accountValue;
}
