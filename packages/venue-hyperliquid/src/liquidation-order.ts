import type { LiquidationOrderInputV1, LiquidationOrderV1 } from '@firesale/spec';
import type { HyperliquidParams } from './hyperliquid-params';

/**
 * Hyperliquid's liquidation decision (Hyperliquid docs, trading/liquidations):
 * - equity below 2/3 of maintenance margin: backstop liquidation, the liquidator vault takes the whole position
 *   at mark and keeps the remaining margin;
 * - otherwise a market order into the book; a position above 100,000 USDC notional is first liquidated 20%,
 *   then, if still liquidatable after the 30 s cooldown, in full; during the cooldown nothing is closed.
 * No clearance fee on book liquidations. Writes into `out`; allocates nothing.
 */
export function decideLiquidationOrder(
  params: HyperliquidParams,
  input: LiquidationOrderInputV1,
  out: LiquidationOrderV1,
): void {
  out.limitPriceQuote = NaN;
  if (input.equityQuote < params.backstopEquityShareOfMaintenance * input.maintenanceMarginQuote) {
    out.route = 'backstop';
    out.closeBase = input.sizeBase;
    // No fee: the takeover itself hands the whole remaining equity to the vault (the maintenance margin is not
    // returned), which the engine's backstop route books to the venue's fund.
    out.feeRate = 0;
    out.cooldownSeconds = 0;
    return;
  }
  out.route = 'market';
  out.feeRate = params.marketLiquidationFeeRate;
  const cooldown = params.partialLiquidationCooldownSeconds;
  const large = input.sizeBase * input.markPriceQuote > params.partialLiquidationAboveNotionalQuote;
  if (!large) {
    out.closeBase = input.sizeBase;
    out.cooldownSeconds = 0;
  } else if (input.secondsSinceLastLiquidation === Infinity) {
    out.closeBase = input.sizeBase * params.partialLiquidationFraction;
    out.cooldownSeconds = cooldown;
  } else if (input.secondsSinceLastLiquidation < cooldown) {
    out.closeBase = 0;
    out.cooldownSeconds = cooldown - input.secondsSinceLastLiquidation;
  } else {
    out.closeBase = input.sizeBase;
    out.cooldownSeconds = 0;
  }
}
