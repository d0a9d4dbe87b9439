import { bigMax, floorDiv, mulPpm, ONE_MILLION } from './big-math';

/**
 * A dYdX liquidity tier (`x/perpetuals` LiquidityTier): the margin parameters a group of markets shares.
 * Maintenance margin is a fraction of the base initial margin; the initial margin fraction (IMF) rises with
 * the market's open interest between the two caps (OIMF).
 */
export type LiquidityTier = {
  readonly id: number;
  readonly name: string;
  /** Base initial margin fraction, ppm (50_000 = 5%, 20x). */
  readonly initialMarginPpm: number;
  /** Maintenance margin as a fraction of the initial margin, ppm (600_000 = 60%). */
  readonly maintenanceFractionPpm: number;
  /** Open interest notional (quote quantums) up to which IMF is the base IMF. */
  readonly openInterestLowerCapQuoteQuantums: bigint;
  /** Open interest notional at which IMF reaches 100%; 0 disables OIMF. */
  readonly openInterestUpperCapQuoteQuantums: bigint;
};

/**
 * Open-interest-adjusted initial margin, ppm (`protocol/x/perpetuals/types/liquidity_tier.go`
 * GetAdjustedInitialMarginPpm): the base IMF while OI <= lower cap (or OIMF disabled), 1_000_000 at or above
 * the upper cap, else `imf + floor((1e6 - imf) * (OI - lower) / (upper - lower))`.
 */
export function adjustedInitialMarginPpm(tier: LiquidityTier, openInterestQuoteQuantums: bigint): bigint {
  const lower = tier.openInterestLowerCapQuoteQuantums;
  const upper = tier.openInterestUpperCapQuoteQuantums;
  const base = BigInt(tier.initialMarginPpm);
  if (upper === 0n || openInterestQuoteQuantums <= lower) return base;
  if (openInterestQuoteQuantums >= upper) return ONE_MILLION;
  return base + floorDiv((ONE_MILLION - base) * (openInterestQuoteQuantums - lower), upper - lower);
}

/**
 * Initial margin requirement in quote quantums of a position of notional `absNotionalQuoteQuantums`:
 * `ceil(N * imf / 1e6)` with the OI-adjusted IMF, or the larger custom IMF when one is set
 * (`liquidity_tier.go` GetInitialMarginQuoteQuantums).
 */
export function initialMarginQuoteQuantums(
  tier: LiquidityTier,
  absNotionalQuoteQuantums: bigint,
  openInterestQuoteQuantums: bigint,
  customImfPpm = 0n,
): bigint {
  let imf = adjustedInitialMarginPpm(tier, openInterestQuoteQuantums);
  if (customImfPpm > 0n) imf = bigMax(imf, customImfPpm);
  return mulPpm(absNotionalQuoteQuantums, imf, true);
}

/**
 * Maintenance margin requirement: `ceil(ceil(N * imf_base / 1e6) * maintenanceFraction / 1e6)`, derived from the
 * base IMF, never from the OI-adjusted one (`protocol/x/perpetuals/lib/lib.go` GetMarginRequirementsInQuoteQuantums).
 */
export function maintenanceMarginQuoteQuantums(tier: LiquidityTier, absNotionalQuoteQuantums: bigint): bigint {
  const baseImr = mulPpm(absNotionalQuoteQuantums, BigInt(tier.initialMarginPpm), true);
  return mulPpm(baseImr, BigInt(tier.maintenanceFractionPpm), true);
}

/** Maintenance margin fraction of a tier as a number (initial margin ppm * maintenance fraction ppm / 1e12). */
export function maintenanceMarginFraction(tier: LiquidityTier): number {
  return (tier.initialMarginPpm * tier.maintenanceFractionPpm) / 1e12;
}
