import type {
  AmountBase,
  AmountQuote,
  Fraction,
  LiquidationEngineModelV1,
  LiquidationOrderInputV1,
  LiquidationOrderV1,
  PositionCheckInputV1,
  PriceTriggerColumnsV1,
  PriceTriggerInputV1,
  PriceTriggersV1,
  Seconds,
  SettlementInputV1,
  SettlementV1,
  VenueCapabilitiesV1,
  VenueProblemV1,
} from '@firesale/spec';
import { adlScore } from './adl-score';
import { bankruptcyPrice, liquidationPrice, liquidationPrices } from './liquidation-price';
import { maintenanceMargin, resolveMarginTiers, tierIndex, type MarginTier } from './margin-tiers';
import { settleGeneric } from './settlement';

/** Parameters of the generic venue. Every field has a default (see {@link genericDefaults}). */
export type GenericEngineOptions = {
  /** Venue id reported in events (default `generic`). */
  venueId?: string;
  /** Flat maintenance margin rate, used when `tiers` is absent (default 0.005, 0.5%). */
  maintenanceMarginRate?: Fraction;
  /** Maintenance tiers by notional; overrides `maintenanceMarginRate` and `maxLeverage`. */
  tiers?: readonly MarginTier[];
  /** Highest leverage a position may open with (default 100). */
  maxLeverage?: number;
  /** Liquidation fee as a fraction of the closed notional, capped at the remaining margin (default 0.01). */
  liquidationFeeRate?: Fraction;
  /** Share of the fee paid to the liquidator; the rest goes to the insurance fund (default 0). */
  liquidatorFeeShare?: Fraction;
  /** Fraction of a large position closed per liquidation (default 1: the whole position). */
  partialLiquidationFraction?: Fraction;
  /** Positions with a notional above this are liquidated partially (default 0). */
  partialLiquidationAboveNotionalQuote?: AmountQuote;
  /** Seconds before a partly liquidated position may be liquidated again (default 0). */
  partialLiquidationCooldownSeconds?: Seconds;
  /** Whether the venue auto-deleverages when the fund cannot pay (default true). */
  autoDeleveraging?: boolean;
  /** Smallest position in base units (default 0). */
  minPositionSizeBase?: AmountBase;
  /** Collateral assets accepted (default any: `['*']`). */
  collateralAssets?: readonly string[];
};

/** The generic venue's defaults. */
export const genericDefaults = {
  venueId: 'generic',
  maintenanceMarginRate: 0.005,
  maxLeverage: 100,
  liquidationFeeRate: 0.01,
  liquidatorFeeShare: 0,
  partialLiquidationFraction: 1,
  partialLiquidationAboveNotionalQuote: 0,
  partialLiquidationCooldownSeconds: 0,
  autoDeleveraging: true,
  minPositionSizeBase: 0,
  collateralAssets: ['*'],
} as const satisfies Required<Omit<GenericEngineOptions, 'tiers'>>;

/** What the generic venue does. */
export const genericCapabilities = {
  partialLiquidation: true,
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
 * A configurable venue: flat or tiered maintenance margin, a liquidation fee capped at the remaining margin,
 * optional partial liquidation of large positions with a cooldown, an insurance fund and ADL.
 * The settlement follows shared/vectors/analytic.json `loss_waterfall`.
 *
 * @example
 * ```ts
 * const venue = createGenericEngine({ maintenanceMarginRate: 0.005, liquidationFeeRate: 0.01, maxLeverage: 50 });
 * ```
 */
export function createGenericEngine(options: GenericEngineOptions = {}): LiquidationEngineModelV1 {
  const o = { ...genericDefaults, ...options };
  const maxLeverage = options.tiers ? Math.max(...options.tiers.map((t) => t.maxLeverage)) : o.maxLeverage;
  const tiers = resolveMarginTiers(
    options.tiers ?? [{ minNotionalQuote: 0, maintenanceMarginRate: o.maintenanceMarginRate, maxLeverage }],
  );
  const partial = o.partialLiquidationFraction < 1;
  const acceptsAny = o.collateralAssets.includes('*');

  return {
    specificationVersion: 'v1',
    venueId: o.venueId,
    capabilities: { ...genericCapabilities, autoDeleveraging: o.autoDeleveraging },
    limits: { maxLeverage: { '*': maxLeverage }, minPositionSizeBase: o.minPositionSizeBase, collateralAssets: o.collateralAssets },

    doValidatePosition(p: PositionCheckInputV1): VenueProblemV1[] {
      const problems: VenueProblemV1[] = [];
      const notional = p.sizeBase * p.entryPriceQuote;
      const cap = tiers.maxLeverages[tierIndex(tiers, notional)]!;
      if (p.leverage > cap) {
        problems.push({ code: 'SCENARIO__LEVERAGE_ABOVE_VENUE_MAX', field: 'leverage', value: p.leverage, context: { max: cap, venue: o.venueId } });
      }
      if (p.sizeBase < o.minPositionSizeBase) {
        problems.push({ code: 'SCENARIO__SIZE_BELOW_VENUE_MIN', field: 'sizeBase', value: p.sizeBase, context: { min: o.minPositionSizeBase, venue: o.venueId } });
      }
      if (!acceptsAny) {
        for (const asset of p.collateralAssets) {
          if (!o.collateralAssets.includes(asset)) {
            problems.push({ code: 'SCENARIO__COLLATERAL_NOT_ACCEPTED', field: 'collateralAssets', value: asset, context: { venue: o.venueId, accepted: o.collateralAssets.join(', ') } });
          }
        }
      }
      return problems;
    },

    doMaintenanceMargin(_marketId: string, notionalQuote: AmountQuote): AmountQuote {
      return maintenanceMargin(tiers, notionalQuote);
    },

    doPriceTriggers(input: PriceTriggerInputV1, out: PriceTriggersV1): void {
      out.liquidationPriceQuote = liquidationPrice(tiers, input.side, input.sizeBase, input.entryPriceQuote, input.marginQuote);
      out.bankruptcyPriceQuote = bankruptcyPrice(input.side, input.sizeBase, input.entryPriceQuote, input.marginQuote);
    },

    doLiquidationPrices(input: PriceTriggerColumnsV1, out: Float64Array): void {
      liquidationPrices(tiers, input, out);
    },

    doLiquidationOrder(input: LiquidationOrderInputV1, out: LiquidationOrderV1): void {
      out.route = 'market';
      out.limitPriceQuote = NaN;
      out.feeRate = o.liquidationFeeRate;
      out.cooldownSeconds = o.partialLiquidationCooldownSeconds;
      const large = input.sizeBase * input.markPriceQuote > o.partialLiquidationAboveNotionalQuote;
      if (partial && large) {
        out.closeBase = input.secondsSinceLastLiquidation < o.partialLiquidationCooldownSeconds ? 0 : input.sizeBase * o.partialLiquidationFraction;
      } else {
        out.closeBase = input.sizeBase;
      }
    },

    doSettle(input: SettlementInputV1, out: SettlementV1): void {
      settleGeneric(input, o.liquidatorFeeShare, out);
    },

    doAdlScore: adlScore,
  };
}
