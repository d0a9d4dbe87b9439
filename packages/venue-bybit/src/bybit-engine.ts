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
import { bybitParams, type BybitParams } from './bybit-params';
import { decideLiquidationOrder } from './liquidation-order';
import { maintenanceMargin, resolveRiskLimits, riskLimitIndex, type BybitRiskLimitTier, type ResolvedRiskLimits } from './risk-limits';
import { settleAtBankruptcy } from './settlement';
import { isolatedBankruptcyPrice, isolatedLiquidationPrice } from './usdt-liquidation-price';

/** Options of {@link createBybitEngine}. Every field is optional. */
export type BybitEngineOptions = {
  /** Venue id reported in events (default `bybit`). */
  venueId?: string;
  /** Risk limits merged over {@link bybitParams}`.riskLimits` (a symbol listed here replaces the published one). */
  riskLimits?: Readonly<Record<string, readonly BybitRiskLimitTier[]>>;
  /** Tiers for symbols without their own. Unset (default): an unknown symbol is a `SCENARIO__UNKNOWN_TIER` problem. */
  defaultRiskLimits?: readonly BybitRiskLimitTier[];
  /** Overrides of other published parameters. */
  params?: Partial<Pick<BybitParams, 'collateralAssets'>>;
};

/** What Bybit's liquidation engine does (USDT perpetuals). */
export const bybitCapabilities = {
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
 * Bybit's USDT-perpetual liquidation engine: risk-limit tiers with MM deduction, isolated liquidation price with the
 * maintenance margin on the entry value, close at the bankruptcy price with the surplus to the insurance fund,
 * partial liquidation down the risk-limit tiers, ADL by profit and effective leverage.
 *
 * @example
 * ```ts
 * const venue = createBybitEngine();
 * const out = { liquidationPriceQuote: 0, bankruptcyPriceQuote: 0 };
 * venue.doPriceTriggers({ marketId: 'BTCUSDT', side: 1, sizeBase: 1, entryPriceQuote: 20_000, marginQuote: 400 }, out);
 * // out.liquidationPriceQuote === 19_700, out.bankruptcyPriceQuote === 19_600
 * ```
 */
export function createBybitEngine(options: BybitEngineOptions = {}): LiquidationEngineModelV1 {
  const venueId = options.venueId ?? 'bybit';
  const collateralAssets = options.params?.collateralAssets ?? bybitParams.collateralAssets;
  const table = new Map<string, ResolvedRiskLimits>();
  for (const [symbol, tiers] of Object.entries({ ...bybitParams.riskLimits, ...options.riskLimits })) table.set(symbol, resolveRiskLimits(tiers));
  const fallback = options.defaultRiskLimits ? resolveRiskLimits(options.defaultRiskLimits) : undefined;
  const known = [...table.keys()].join(', ');
  const maxLeverage: Record<string, number> = {};
  for (const [symbol, t] of table) maxLeverage[symbol] = t.maxLeverages[0]!;
  if (fallback) maxLeverage['*'] = fallback.maxLeverages[0]!;

  function limitsOf(marketId: string): ResolvedRiskLimits {
    const t = table.get(marketId) ?? fallback;
    if (t === undefined) throw new RangeError(`bybit: no risk limits for symbol '${marketId}' (known: ${known})`);
    return t;
  }

  return {
    specificationVersion: 'v1',
    venueId,
    capabilities: bybitCapabilities,
    limits: { maxLeverage, minPositionSizeBase: 0, collateralAssets },

    doValidatePosition(p: PositionCheckInputV1): VenueProblemV1[] {
      const problems: VenueProblemV1[] = [];
      const t = table.get(p.marketId) ?? fallback;
      if (t === undefined) {
        problems.push({ code: 'SCENARIO__UNKNOWN_TIER', field: 'marketId', value: p.marketId, context: { venue: venueId, known } });
      } else {
        const cap = t.maxLeverages[riskLimitIndex(t, p.sizeBase * p.entryPriceQuote)]!;
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
      return maintenanceMargin(limitsOf(marketId), notionalQuote);
    },

    doPriceTriggers(input: PriceTriggerInputV1, out: PriceTriggersV1): void {
      const mm = maintenanceMargin(limitsOf(input.marketId), input.sizeBase * input.entryPriceQuote);
      out.liquidationPriceQuote = isolatedLiquidationPrice(input.side, input.sizeBase, input.entryPriceQuote, input.marginQuote, mm);
      out.bankruptcyPriceQuote = isolatedBankruptcyPrice(input.side, input.sizeBase, input.entryPriceQuote, input.marginQuote);
    },

    doLiquidationOrder(input: LiquidationOrderInputV1, out: LiquidationOrderV1): void {
      decideLiquidationOrder(limitsOf(input.marketId), input, out);
    },

    doSettle(input: SettlementInputV1, out: SettlementV1): void {
      settleAtBankruptcy(input, out);
    },

    doAdlScore: adlRanking,
  };
}
