import type { Fraction, PriceQuote, SideSign } from '@firesale/spec';

/** An inverse (coin-margined) position in isolated margin. */
export type InverseIsolatedInput = {
  readonly side: SideSign;
  /** Position size in USD contracts (Q). */
  readonly contractsUsd: number;
  readonly entryPriceQuote: PriceQuote;
  readonly leverage: number;
  readonly maintenanceMarginRate: Fraction;
  /** Maintenance margin deduction of the risk limit tier, in coin. */
  readonly maintenanceDeductionCoin: number;
  /** Margin added to the position beyond its initial margin, in coin. */
  readonly extraMarginCoin: number;
};

/** Position value, initial and maintenance margin of an isolated inverse position, all in coin. */
export type InverseIsolatedMargins = {
  /** `Q / EP`. */
  readonly positionValueCoin: number;
  /** `position value / leverage`. */
  readonly initialMarginCoin: number;
  /** `position value x MMR - deduction`. */
  readonly maintenanceMarginCoin: number;
};

/** Margins of an isolated inverse position (Bybit help "Initial Margin (Inverse Contract)", "Maintenance Margin (Inverse Contract)"). */
export function inverseIsolatedMargins(input: InverseIsolatedInput): InverseIsolatedMargins {
  const value = input.contractsUsd / input.entryPriceQuote;
  return { positionValueCoin: value, initialMarginCoin: value / input.leverage, maintenanceMarginCoin: value * input.maintenanceMarginRate - input.maintenanceDeductionCoin };
}

/**
 * Isolated inverse liquidation price (Bybit help "How to calculate Liquidation Price (Inverse Contract)", isolated
 * examples at 8,000 USD and 50x; "Liquidation Price Calculation under Isolated Mode (Unified Trading Account)"):
 * long `Q / (PV + (IM + extra - MM))`, short `Q / (PV - (IM + extra - MM))`, PV = Q / EP. A short whose margin
 * covers any rise gets `Infinity`.
 */
export function inverseIsolatedLiquidationPrice(input: InverseIsolatedInput): PriceQuote {
  const m = inverseIsolatedMargins(input);
  return inversePrice(input, m.positionValueCoin + input.side * (m.initialMarginCoin + input.extraMarginCoin - m.maintenanceMarginCoin));
}

/** Isolated inverse bankruptcy price (Bybit help "What is Bankruptcy Price? (Inverse Contract)"): the price where the position margin is used up, `Q / (PV + side x (IM + extra))`. */
export function inverseIsolatedBankruptcyPrice(input: InverseIsolatedInput): PriceQuote {
  const m = inverseIsolatedMargins(input);
  return inversePrice(input, m.positionValueCoin + input.side * (m.initialMarginCoin + input.extraMarginCoin));
}

function inversePrice(input: InverseIsolatedInput, denominatorCoin: number): PriceQuote {
  const price = input.contractsUsd / denominatorCoin;
  return price > 0 && Number.isFinite(price) ? price : input.side === 1 ? 0 : Infinity;
}
