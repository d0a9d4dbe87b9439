/**
 * Drift v2 precisions and limits (drift-labs/protocol-v2 `programs/drift/src/math/constants.rs`, commit 0ae3e3b1).
 * Every amount in this package is an integer at these precisions.
 */
export const QUOTE_PRECISION = 1_000_000n;
export const PRICE_PRECISION = 1_000_000n;
/** Base asset amounts (also `AMM_RESERVE_PRECISION`). */
export const BASE_PRECISION = 1_000_000_000n;
export const AMM_RESERVE_PRECISION = BASE_PRECISION;
/** Margin ratios (`margin_ratio_initial`, `margin_ratio_maintenance`). */
export const MARGIN_PRECISION = 10_000n;
/** Spot asset and liability weights. */
export const SPOT_WEIGHT_PRECISION = 10_000n;
/** Liquidator and insurance-fund fees, liquidation multipliers. */
export const LIQUIDATION_FEE_PRECISION = 1_000_000n;
/** Share of a margin shortage that may be liquidated. */
export const LIQUIDATION_PCT_PRECISION = 10_000n;
export const SPOT_BALANCE_PRECISION = 1_000_000_000n;
export const SPOT_CUMULATIVE_INTEREST_PRECISION = 10_000_000_000n;
export const FUNDING_RATE_PRECISION = 1_000_000_000n;
/** `FUNDING_RATE_PRECISION / QUOTE_PRECISION`. */
export const FUNDING_RATE_TO_QUOTE_PRECISION_PRECISION_RATIO = 1_000n;
/** `PRICE_PRECISION x AMM_RESERVE_PRECISION / QUOTE_PRECISION`. */
export const PRICE_TIMES_AMM_TO_QUOTE_PRECISION_RATIO = 1_000_000_000n;
/** `AMM_RESERVE_PRECISION / QUOTE_PRECISION`. */
export const AMM_TO_QUOTE_PRECISION_RATIO = 1_000n;
/** `LIQUIDATION_FEE_PRECISION / MARGIN_PRECISION`. */
export const LIQUIDATION_FEE_TO_MARGIN_PRECISION_RATIO = 100n;
/** Slots after the user's last activity before the liquidation fee starts to ramp (~10 minutes). */
export const LIQUIDATION_FEE_ADJUST_GRACE_PERIOD_SLOTS = 1_500n;
/** Liquidation fee increase per slot past the grace period (0.01 bp, at `LIQUIDATION_FEE_PRECISION`). */
export const LIQUIDATION_FEE_INCREASE_PER_SLOT = 1n;
/** Margin shortages below this (50 USD) are liquidated at once (`calculate_max_pct_to_liquidate`). */
export const MAX_PCT_SHORTAGE_THRESHOLD = 50n * QUOTE_PRECISION;

export const U32_MAX = 0xffff_ffffn;
export const U64_MAX = 0xffff_ffff_ffff_ffffn;
export const U128_MAX = (1n << 128n) - 1n;
