import type { SettlementInputV1, SettlementV1 } from '@firesale/spec';

/**
 * Settlement at the bankruptcy price (BitMEX "Liquidation": "you will be liquidated and your maintenance margin
 * will be lost"): the trader loses the position margin of the closed part; a fill better than bankruptcy leaves a surplus that goes to the insurance
 * fund, a worse one a shortfall the fund covers. remaining = margin + pnl at the fill;
 * feeToFund = max(remaining, 0); shortfall = max(-remaining, 0); nothing returns to the account.
 */
export function settleAtBankruptcy(input: SettlementInputV1, out: SettlementV1): void {
  const pnl = input.side * input.closedBase * (input.fillPriceQuote - input.entryPriceQuote);
  const remaining = input.marginQuote + pnl;
  out.feeToFundQuote = Math.max(remaining, 0);
  out.feeToLiquidatorQuote = 0;
  out.returnedToAccountQuote = 0;
  out.shortfallQuote = Math.max(-remaining, 0);
}
