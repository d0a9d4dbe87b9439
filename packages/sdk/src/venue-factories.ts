import type { LiquidationEngineModelV1 } from '@firesale/spec';
import { createAaveEngine } from '@firesale/venue-aave';
import { createBinanceEngine } from '@firesale/venue-binance';
import { createBitmexEngine } from '@firesale/venue-bitmex';
import { createBybitEngine } from '@firesale/venue-bybit';
import { createCompoundEngine } from '@firesale/venue-compound';
import { createDriftEngine } from '@firesale/venue-drift';
import { createDydxEngine } from '@firesale/venue-dydx';
import { createGateEngine } from '@firesale/venue-gate';
import { createGenericEngine } from '@firesale/venue-generic';
import { createGmxEngine } from '@firesale/venue-gmx';
import { createHyperliquidEngine } from '@firesale/venue-hyperliquid';
import { createMakerEngine } from '@firesale/venue-maker';
import { createOkxEngine } from '@firesale/venue-okx';

/** Builds a venue engine from a scenario's `params` object (the venue package's options type). */
export type VenueFactory = (params: Readonly<Record<string, unknown>>) => LiquidationEngineModelV1;

/** Venue models by the name scenarios use in `venues[].model`. */
export type VenueFactories = Readonly<Record<string, VenueFactory>>;

/**
 * The venue models the SDK knows. Add a plugin by passing
 * `{ ...defaultVenueFactories, myvenue: (params) => createMyVenueEngine(params) }` as `venueFactories`.
 */
export const defaultVenueFactories: VenueFactories = {
  generic: (params) => createGenericEngine(params as never),
  hyperliquid: (params) => createHyperliquidEngine(params as never),
  dydx: (params) => createDydxEngine(params as never),
  binance: (params) => createBinanceEngine(params as never),
  bybit: (params) => createBybitEngine(params as never),
  bitmex: (params) => createBitmexEngine(params as never),
  okx: (params) => createOkxEngine(params as never),
  gate: (params) => createGateEngine(params as never),
  gmx: (params) => createGmxEngine(params as never),
  drift: (params) => createDriftEngine(params as never),
  aave: (params) => createAaveEngine(params as never),
  compound: (params) => createCompoundEngine(params as never),
  maker: (params) => createMakerEngine(params as never),
};

/** The perpetual-futures venue models (what `firesale compare` runs by default). */
export const perpVenueModels = ['generic', 'hyperliquid', 'dydx', 'binance', 'bybit', 'bitmex', 'okx', 'gate', 'gmx', 'drift'] as const;

/**
 * How each venue names a market, as data: `{base}` is the market's base asset, `aliases` rename assets the
 * venue spells differently (BitMEX's XBT). Used when a scenario gives no `venueSymbol` for a market.
 */
export const venueSymbolPatterns: Readonly<Record<string, { pattern: string; aliases?: Readonly<Record<string, string>> }>> = {
  hyperliquid: { pattern: '{base}' },
  dydx: { pattern: '{base}-USD' },
  binance: { pattern: '{base}USDT' },
  bybit: { pattern: '{base}USDT' },
  bitmex: { pattern: '{base}USDT', aliases: { BTC: 'XBT' } },
  okx: { pattern: '{base}/USDT:USDT' },
  gate: { pattern: '{base}_USDT' },
  gmx: { pattern: '{base}/USD' },
  drift: { pattern: '{base}-PERP' },
  aave: { pattern: 'W{base}', aliases: { USDC: 'USDC' } },
  compound: { pattern: 'W{base}' },
  maker: { pattern: '{base}-A' },
};

/** The venue's own id for a market of `baseAsset`, or undefined when the venue model has no pattern (generic). */
export function venueSymbol(model: string, baseAsset: string): string | undefined {
  const spec = venueSymbolPatterns[model];
  if (!spec) return undefined;
  return spec.pattern.replace('{base}', spec.aliases?.[baseAsset] ?? baseAsset);
}
