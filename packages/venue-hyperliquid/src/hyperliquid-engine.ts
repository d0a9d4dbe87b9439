import type {
  AmountQuote,
  LiquidationEngineModelV1,
  LiquidationOrderInputV1,
  LiquidationOrderV1,
  PositionCheckInputV1,
  PriceTriggerInputV1,
  PriceTriggersV1,
  SettlementInputV1,
  SettlementV1,
  VenueCapabilitiesV1,
  VenueProblemV1,
} from '@firesale/spec';
import { adlScore } from './adl-score';
import { hyperliquidParams, type HyperliquidParams } from './hyperliquid-params';
import { decideLiquidationOrder } from './liquidation-order';
import { bankruptcyPrice, liquidationPrice } from './liquidation-price';
import {
  flatMarginTable,
  maintenanceMargin,
  marginTierIndex,
  resolveMarginTable,
  type HyperliquidMarginTier,
  type ResolvedMarginTable,
} from './margin-tiers';
import { settleLiquidation } from './settlement';

/** Options of {@link createHyperliquidEngine}. Every field is optional. */
export type HyperliquidEngineOptions = {
  /** Venue id reported in events (default `hyperliquid`). */
  venueId?: string;
  /** Margin tables merged over {@link hyperliquidParams}`.marginTables` (a market listed here replaces the published one). */
  marginTables?: Readonly<Record<string, readonly HyperliquidMarginTier[]>>;
  /**
   * Max leverage of the single-tier table used for markets without a table. Unset (default): an unknown market is
   * a `SCENARIO__UNKNOWN_TIER` problem.
   */
  defaultMaxLeverage?: number;
  /** Overrides of the published liquidation parameters. */
  params?: Partial<Omit<HyperliquidParams, 'marginTables'>>;
};

/** What Hyperliquid's liquidation engine does. */
export const hyperliquidCapabilities = {
  partialLiquidation: true,
  tieredMargin: true,
  isolatedMargin: true,
  crossMargin: true,
  insuranceFund: false,
  autoDeleveraging: true,
  backstopVault: true,
  perStepLimits: false,
  lending: false,
} as const satisfies VenueCapabilitiesV1;

/**
 * Hyperliquid's liquidation engine: maintenance margin at half the initial margin of the max leverage (tiered by
 * notional), book liquidation with partial liquidation of large positions and a cooldown, backstop by the
 * liquidator vault, and ADL by unrealized pnl and leverage.
 *
 * @example
 * ```ts
 * const venue = createHyperliquidEngine({ defaultMaxLeverage: 20 });
 * const out = { liquidationPriceQuote: 0, bankruptcyPriceQuote: 0 };
 * venue.doPriceTriggers({ marketId: 'ETH', side: 1, sizeBase: 10, entryPriceQuote: 2500, marginQuote: 2500 }, out);
 * ```
 */
export function createHyperliquidEngine(options: HyperliquidEngineOptions = {}): LiquidationEngineModelV1 {
  const venueId = options.venueId ?? 'hyperliquid';
  const params: HyperliquidParams = {
    ...hyperliquidParams,
    ...options.params,
    marginTables: { ...hyperliquidParams.marginTables, ...options.marginTables },
  };
  const tables = new Map<string, ResolvedMarginTable>();
  for (const [market, tiers] of Object.entries(params.marginTables)) tables.set(market, resolveMarginTable(tiers));
  const fallback = options.defaultMaxLeverage === undefined ? undefined : flatMarginTable(options.defaultMaxLeverage);
  const knownMarkets = [...tables.keys()].join(', ');

  const maxLeverage: Record<string, number> = {};
  for (const [market, table] of tables) maxLeverage[market] = table.maxLeverages[0]!;
  if (options.defaultMaxLeverage !== undefined) maxLeverage['*'] = options.defaultMaxLeverage;

  function tableOf(marketId: string): ResolvedMarginTable {
    const table = tables.get(marketId) ?? fallback;
    if (table === undefined) {
      throw new RangeError(`hyperliquid: no margin table for market '${marketId}' (known: ${knownMarkets})`);
    }
    return table;
  }

  return {
    specificationVersion: 'v1',
    venueId,
    capabilities: hyperliquidCapabilities,
    limits: { maxLeverage, minPositionSizeBase: 0, collateralAssets: params.collateralAssets },

    doValidatePosition(p: PositionCheckInputV1): VenueProblemV1[] {
      const problems: VenueProblemV1[] = [];
      const table = tables.get(p.marketId) ?? fallback;
      if (table === undefined) {
        problems.push({ code: 'SCENARIO__UNKNOWN_TIER', field: 'marketId', value: p.marketId, context: { venue: venueId, known: knownMarkets } });
      } else {
        const cap = table.maxLeverages[marginTierIndex(table, p.sizeBase * p.entryPriceQuote)]!;
        if (p.leverage > cap) {
          problems.push({ code: 'SCENARIO__LEVERAGE_ABOVE_VENUE_MAX', field: 'leverage', value: p.leverage, context: { max: cap, venue: venueId } });
        }
      }
      for (const asset of p.collateralAssets) {
        if (!params.collateralAssets.includes(asset)) {
          problems.push({ code: 'SCENARIO__COLLATERAL_NOT_ACCEPTED', field: 'collateralAssets', value: asset, context: { venue: venueId, accepted: params.collateralAssets.join(', ') } });
        }
      }
      return problems;
    },

    doMaintenanceMargin(marketId: string, notionalQuote: AmountQuote): AmountQuote {
      return maintenanceMargin(tableOf(marketId), notionalQuote);
    },

    doPriceTriggers(input: PriceTriggerInputV1, out: PriceTriggersV1): void {
      const table = tableOf(input.marketId);
      out.liquidationPriceQuote = liquidationPrice(table, input.side, input.sizeBase, input.entryPriceQuote, input.marginQuote);
      out.bankruptcyPriceQuote = bankruptcyPrice(input.side, input.sizeBase, input.entryPriceQuote, input.marginQuote);
    },

    doLiquidationOrder(input: LiquidationOrderInputV1, out: LiquidationOrderV1): void {
      decideLiquidationOrder(params, input, out);
    },

    doSettle(input: SettlementInputV1, out: SettlementV1): void {
      settleLiquidation(input, out);
    },

    doAdlScore: adlScore,
  };
}
