import { toBigInt } from './big-math';
import type { LiquidityTier } from './liquidity-tier';
import type { MarketPrice } from './quantums';
import { rat, type Rational } from './rational';
import type { PerpetualMarket, Subaccount } from './subaccount-risk';

/** A JSON object from a vector case. */
export type Json = Readonly<Record<string, unknown>>;

/** The object at `key` of `obj`, or an error naming the field. */
export function obj(o: Json, key: string): Json {
  const v = o[key];
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new TypeError(`inputs.${key}: expected an object`);
  return v as Json;
}

/** The array at `key` of `obj`. */
export function arr(o: Json, key: string): readonly Json[] {
  const v = o[key];
  if (!Array.isArray(v)) throw new TypeError(`inputs.${key}: expected an array`);
  return v as Json[];
}

/** The integer at `key`, as a BigInt (JSON number or decimal string). */
export function big(o: Json, key: string, fallback?: bigint): bigint {
  const v = o[key];
  if (v === undefined && fallback !== undefined) return fallback;
  return toBigInt(v, key);
}

/** The integer at `key`, as a safe number. */
export function int(o: Json, key: string, fallback?: number): number {
  const v = o[key];
  if (v === undefined && fallback !== undefined) return fallback;
  return Number(toBigInt(v, key));
}

/** A `{price, exponent}` oracle price. */
export function parseMarketPrice(o: Json): MarketPrice {
  return { price: big(o, 'price'), exponent: int(o, 'exponent') };
}

/** A liquidity tier from its snake_case JSON. */
export function parseLiquidityTier(o: Json, id = 0): LiquidityTier {
  return {
    id: int(o, 'id', id),
    name: typeof o.name === 'string' ? o.name : `tier ${id}`,
    initialMarginPpm: int(o, 'initial_margin_ppm'),
    maintenanceFractionPpm: int(o, 'maintenance_fraction_ppm', 0),
    openInterestLowerCapQuoteQuantums: big(o, 'open_interest_lower_cap', 0n),
    openInterestUpperCapQuoteQuantums: big(o, 'open_interest_upper_cap', 0n),
  };
}

/** A perpetual market from its snake_case JSON. */
export function parsePerpetual(o: Json): PerpetualMarket {
  const tierId = int(o, 'liquidity_tier_id', 0);
  return {
    perpetualId: int(o, 'perpetual_id'),
    ...(typeof o.ticker === 'string' ? { ticker: o.ticker } : {}),
    atomicResolution: int(o, 'atomic_resolution'),
    marketPrice: parseMarketPrice(obj(o, 'market_price')),
    liquidityTier: parseLiquidityTier(obj(o, 'liquidity_tier'), tierId),
    openInterestBaseQuantums: big(o, 'open_interest_base_quantums', 0n),
  };
}

/** A subaccount from its snake_case JSON. */
export function parseSubaccount(o: Json): Subaccount {
  return {
    usdcQuoteQuantums: big(o, 'usdc_quote_quantums', 0n),
    perpetualPositions: (Array.isArray(o.perpetual_positions) ? (o.perpetual_positions as Json[]) : []).map((p) => ({
      perpetualId: int(p, 'perpetual_id'),
      quantums: big(p, 'quantums'),
    })),
  };
}

/** A `{num, den}` rational. */
export function parseRational(o: Json): Rational {
  return rat(big(o, 'num'), big(o, 'den', 1n));
}

/** An integer as the vector files write it: a JSON number when exactly representable, else a decimal string. */
export function jsonInt(v: bigint): number | string {
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString();
}
