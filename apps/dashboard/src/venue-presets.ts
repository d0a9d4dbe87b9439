import { defaultVenueFactories, type VenueFactories } from '@firesale/sdk';
import { binanceParams, createBinanceEngine, type BinanceEngineOptions } from '@firesale/venue-binance';
import { bybitParams, createBybitEngine, type BybitEngineOptions } from '@firesale/venue-bybit';
import { createHyperliquidEngine, hyperliquidParams, type HyperliquidEngineOptions } from '@firesale/venue-hyperliquid';

/** A venue the venue control offers. */
export type VenueChoice = { readonly id: string; readonly label: string };

/** `scenario` keeps each venue's model and params as the scenario file has them. */
export const venueChoices: readonly VenueChoice[] = [
  { id: 'scenario', label: 'As in the scenario' },
  { id: 'generic', label: 'Generic (flat 0.5% MM, 100×)' },
  { id: 'hyperliquid', label: 'Hyperliquid (published margin tables)' },
  { id: 'binance', label: 'Binance USDⓈ-M (leverage brackets)' },
  { id: 'bybit', label: 'Bybit USDT perp (risk limits)' },
];

/** The venue models the dashboard's engine knows: the SDK's plus the tiered perp venues. */
export const dashboardVenueFactories: VenueFactories = {
  ...defaultVenueFactories,
  hyperliquid: (params) => createHyperliquidEngine(params as HyperliquidEngineOptions),
  binance: (params) => createBinanceEngine(params as BinanceEngineOptions),
  bybit: (params) => createBybitEngine(params as BybitEngineOptions),
};

/**
 * Params that give a tiered venue's published table for `baseAsset` to markets named otherwise in a scenario
 * (`BTC-PERP` gets Hyperliquid's `BTC` table, Binance's and Bybit's `BTCUSDT` brackets), plus the highest
 * leverage of the venue's first tier. Undefined when the venue has no table for that asset.
 */
export function venueParamsFor(
  venue: string,
  markets: readonly { marketId: string; baseAsset: string }[],
): { params: Record<string, unknown>; maxLeverage: number } | undefined {
  if (venue === 'generic') return { params: {}, maxLeverage: 100 };
  let maxLeverage = Infinity;
  const table: Record<string, readonly { maxLeverage: number }[]> = {};
  for (const { marketId, baseAsset } of markets) {
    const tiers: readonly { maxLeverage: number }[] | undefined =
      venue === 'hyperliquid'
        ? hyperliquidParams.marginTables[baseAsset]
        : venue === 'binance'
          ? binanceParams.usdmBrackets[`${baseAsset}USDT`]
          : venue === 'bybit'
            ? bybitParams.riskLimits[`${baseAsset}USDT`]
            : undefined;
    if (!tiers || tiers.length === 0) return undefined;
    table[marketId] = tiers;
    maxLeverage = Math.min(maxLeverage, Math.max(...tiers.map((t) => t.maxLeverage)));
  }
  const key = venue === 'hyperliquid' ? 'marginTables' : venue === 'binance' ? 'brackets' : 'riskLimits';
  return { params: { [key]: table }, maxLeverage };
}
