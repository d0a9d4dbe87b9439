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
import { adlRanking } from './adl-ranking';
import { bitmexParams, type BitmexParams } from './bitmex-params';
import { bankruptcyPrice, liquidationPrice } from './liquidation-price';
import { decideLiquidationOrder } from './liquidation-order';
import { maintenanceMargin, maintenanceMarginRate, maxLeverage, riskStep, type BitmexRiskLimit } from './risk-limits';
import { settleAtBankruptcy } from './settlement';

/** Options of {@link createBitmexEngine}. Every field is optional. */
export type BitmexEngineOptions = {
  /** Venue id reported in events (default `bitmex`). */
  venueId?: string;
  /** Risk limits merged over {@link bitmexParams}`.riskLimits` (a symbol listed here replaces the published one). */
  riskLimits?: Readonly<Record<string, BitmexRiskLimit>>;
  /** Risk limit for symbols without their own. Unset (default): an unknown symbol is a `SCENARIO__UNKNOWN_TIER` problem. */
  defaultRiskLimit?: BitmexRiskLimit;
  /** Overrides of other published parameters. */
  params?: Partial<Pick<BitmexParams, 'liquidationFeeRate' | 'collateralAssets'>>;
};

/** What BitMEX's liquidation engine does (linear perpetuals). */
export const bitmexCapabilities = {
  partialLiquidation: 'emulated',
  tieredMargin: true,
  isolatedMargin: true,
  crossMargin: true,
  insuranceFund: true,
  autoDeleveraging: true,
  backstopVault: false,
  perStepLimits: false,
  lending: false,
} as const satisfies VenueCapabilitiesV1;

/**
 * BitMEX's liquidation engine for linear (USDT) perpetuals: maintenance margin raised per risk step on the whole
 * position, liquidation when margin reaches it, close at the bankruptcy price with the remaining margin to the
 * insurance fund, large positions brought down one risk limit at a time, ADL by PNL% and effective leverage.
 *
 * @example
 * ```ts
 * const venue = createBitmexEngine();
 * venue.doMaintenanceMargin('HYPEUSDT', 100_000); // 100,000 x 3% (two steps above 40,000) = 3,000 USDT
 * ```
 */
export function createBitmexEngine(options: BitmexEngineOptions = {}): LiquidationEngineModelV1 {
  const venueId = options.venueId ?? 'bitmex';
  const feeRate = options.params?.liquidationFeeRate ?? bitmexParams.liquidationFeeRate;
  const collateralAssets = options.params?.collateralAssets ?? bitmexParams.collateralAssets;
  const table = new Map<string, BitmexRiskLimit>(Object.entries({ ...bitmexParams.riskLimits, ...options.riskLimits }));
  const fallback = options.defaultRiskLimit;
  const known = [...table.keys()].join(', ');
  const leverageCaps: Record<string, number> = {};
  for (const [symbol, limit] of table) leverageCaps[symbol] = 1 / limit.baseInitialMarginRate;
  if (fallback) leverageCaps['*'] = 1 / fallback.baseInitialMarginRate;

  function limitOf(marketId: string): BitmexRiskLimit {
    const limit = table.get(marketId) ?? fallback;
    if (limit === undefined) throw new RangeError(`bitmex: no risk limit for symbol '${marketId}' (known: ${known})`);
    return limit;
  }

  return {
    specificationVersion: 'v1',
    venueId,
    capabilities: bitmexCapabilities,
    limits: { maxLeverage: leverageCaps, minPositionSizeBase: 0, collateralAssets },

    doValidatePosition(p: PositionCheckInputV1): VenueProblemV1[] {
      const problems: VenueProblemV1[] = [];
      const limit = table.get(p.marketId) ?? fallback;
      if (limit === undefined) {
        problems.push({ code: 'SCENARIO__UNKNOWN_TIER', field: 'marketId', value: p.marketId, context: { venue: venueId, known } });
      } else {
        const cap = maxLeverage(limit, p.sizeBase * p.entryPriceQuote);
        if (p.leverage > cap) {
          problems.push({ code: 'SCENARIO__LEVERAGE_ABOVE_VENUE_MAX', field: 'leverage', value: p.leverage, context: { max: cap, venue: venueId } });
        }
      }
      for (const asset of p.collateralAssets) {
        if (!collateralAssets.includes(asset)) {
          problems.push({ code: 'SCENARIO__COLLATERAL_NOT_ACCEPTED', field: 'collateralAssets', value: asset, context: { venue: venueId, accepted: collateralAssets.join(', ') } });
        }
      }
      return problems;
    },

    doMaintenanceMargin(marketId: string, notionalQuote: AmountQuote): AmountQuote {
      return maintenanceMargin(limitOf(marketId), notionalQuote);
    },

    /** The maintenance rate is that of the risk limit covering the position's entry value (the limit it holds). */
    doPriceTriggers(input: PriceTriggerInputV1, out: PriceTriggersV1): void {
      const limit = limitOf(input.marketId);
      const rate = maintenanceMarginRate(limit, riskStep(limit, input.sizeBase * input.entryPriceQuote));
      out.liquidationPriceQuote = liquidationPrice(input.side, input.sizeBase, input.entryPriceQuote, input.marginQuote, rate);
      out.bankruptcyPriceQuote = bankruptcyPrice(input.side, input.sizeBase, input.entryPriceQuote, input.marginQuote);
    },

    doLiquidationOrder(input: LiquidationOrderInputV1, out: LiquidationOrderV1): void {
      decideLiquidationOrder(limitOf(input.marketId), feeRate, input, out);
    },

    doSettle(input: SettlementInputV1, out: SettlementV1): void {
      settleAtBankruptcy(input, out);
    },

    doAdlScore: adlRanking,
  };
}
