/**
 * How auto-deleveraging (ADL) picks the profitable opposite positions that absorb a bankrupt close, and at what
 * price. ADL acts when closing a bankrupt position in the book would leave a loss the insurance fund cannot pay.
 *
 * - `ranking`: the venue's published queue ({@link LiquidationEngineModelV1.doAdlScore}, profit × leverage), highest
 *   first, each matched at the bankrupt position's bankruptcy price; the fund is not drawn on (Hyperliquid, Binance,
 *   Bybit, OKX). The default.
 * - `pro-rata`: every profitable opposite position gives up the same fraction of its size, at the bankruptcy price;
 *   the fund is not drawn on.
 * - `shortfall-only`: risk-aware. The bankrupt close goes into the book like any liquidation; the fund pays its
 *   shortfall while it can, and only what the fund cannot pay is taken from the opposite positions in profit, as a
 *   haircut of their unrealised profit in proportion to size × leverage, capped at each one's profit. Winners keep
 *   their positions (Chitra et al. 2025, "Autodeleveraging: impossibilities and optimization", risk-aware pro-rata).
 */
export type AdlPolicyV1 = 'ranking' | 'pro-rata' | 'shortfall-only';

/**
 * Batching of liquidations and ADL within one step (block or matching cycle).
 *
 * - `interleaved`: a close that needs ADL is deleveraged at once, between other liquidations. The default.
 * - `separate`: every step first runs its liquidation batch (all due liquidations, in rounds, until nothing more
 *   fills), then one ADL batch deleverages what is left (Hyperliquid and dYdX v4 process liquidations before
 *   deleveraging within a block).
 */
export type AdlBatchingV1 = 'interleaved' | 'separate';

/** ADL settings of a run. */
export type AdlOptionsV1 = {
  /** Who absorbs a bankrupt close, and at what price. Default `ranking`. */
  readonly policy?: AdlPolicyV1;
  /** Whether ADL runs inside the liquidation batch or in a batch of its own after it. Default `interleaved`. */
  readonly batching?: AdlBatchingV1;
};
