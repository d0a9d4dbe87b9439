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
import { isolatedBankruptcyPrice, isolatedLiquidationPrice } from './liquidation-price';
import { okxMaintenanceMargin, okxMaintenanceRatio, okxTierIndex } from './margin-tiers';
import { okxFixtureParams, type OkxParams, type OkxTier } from './okx-params';
import { settleLiquidation } from './settlement';

/** Options of {@link createOkxEngine}: any {@link OkxParams} field overrides {@link okxFixtureParams}. */
export type OkxEngineOptions = Partial<OkxParams> & {
  /** Venue id reported in events (default `okx`). */
  venueId?: string;
};

/** What the OKX engine models. */
export const okxCapabilities = {
  partialLiquidation: 'emulated',
  tieredMargin: true,
  isolatedMargin: true,
  crossMargin: 'emulated',
  insuranceFund: true,
  autoDeleveraging: true,
  backstopVault: false,
  perStepLimits: false,
  lending: false,
} as const satisfies VenueCapabilitiesV1;

function sortedTiers(tiers: readonly OkxTier[]): readonly OkxTier[] {
  return [...tiers].sort((a, b) => a.minNotionalQuote - b.minNotionalQuote);
}

/**
 * The OKX liquidation engine: position tiers (maintenance rate of the tier of the notional, no maintenance
 * amount), the isolated liquidation price of freqtrade's Gate/OKX formula (maintenance rate plus taker fee),
 * tier-by-tier partial liquidation of positions above the first tier (emulated), a taker-fee liquidation charge
 * to the insurance fund, and ADL.
 *
 * @example
 * ```ts
 * const okx = createOkxEngine({ tiersByMarket: { 'BTC/USDT:USDT': myTiers }, takerFeeRate: 0.0005 });
 * ```
 */
export function createOkxEngine(options: OkxEngineOptions = {}): LiquidationEngineModelV1 {
  const venueId = options.venueId ?? 'okx';
  const params: OkxParams = {
    tiersByMarket: options.tiersByMarket ?? okxFixtureParams.tiersByMarket,
    takerFeeRate: options.takerFeeRate ?? okxFixtureParams.takerFeeRate,
    minPositionSizeBase: options.minPositionSizeBase ?? okxFixtureParams.minPositionSizeBase,
    collateralAssets: options.collateralAssets ?? okxFixtureParams.collateralAssets,
  };
  const tiersByMarket = new Map<string, readonly OkxTier[]>();
  const maxLeverage: Record<string, number> = {};
  for (const [market, tiers] of Object.entries(params.tiersByMarket)) {
    if (tiers.length === 0) throw new RangeError(`okx: market ${market} has no tiers`);
    tiersByMarket.set(market, sortedTiers(tiers));
    maxLeverage[market] = Math.max(...tiers.map((t) => t.maxLeverage));
  }
  const known = [...tiersByMarket.keys()].join(', ');
  const acceptsAny = params.collateralAssets.includes('*');

  const tiersOf = (marketId: string): readonly OkxTier[] => {
    const tiers = tiersByMarket.get(marketId);
    if (!tiers) throw new RangeError(`okx: unknown market ${marketId} (known: ${known})`);
    return tiers;
  };

  return {
    specificationVersion: 'v1',
    venueId,
    capabilities: okxCapabilities,
    limits: { maxLeverage, minPositionSizeBase: params.minPositionSizeBase, collateralAssets: params.collateralAssets },

    doValidatePosition(p: PositionCheckInputV1): VenueProblemV1[] {
      const problems: VenueProblemV1[] = [];
      const tiers = tiersByMarket.get(p.marketId);
      if (!tiers) {
        problems.push({ code: 'SCENARIO__UNKNOWN_TIER', field: 'marketId', value: p.marketId, context: { venue: venueId, known } });
      } else {
        const cap = tiers[okxTierIndex(tiers, p.sizeBase * p.entryPriceQuote)]!.maxLeverage;
        if (p.leverage > cap) {
          problems.push({ code: 'SCENARIO__LEVERAGE_ABOVE_VENUE_MAX', field: 'leverage', value: p.leverage, context: { max: cap, venue: venueId } });
        }
      }
      if (p.sizeBase < params.minPositionSizeBase) {
        problems.push({ code: 'SCENARIO__SIZE_BELOW_VENUE_MIN', field: 'sizeBase', value: p.sizeBase, context: { min: params.minPositionSizeBase, venue: venueId } });
      }
      if (!acceptsAny) {
        for (const asset of p.collateralAssets) {
          if (!params.collateralAssets.includes(asset)) {
            problems.push({ code: 'SCENARIO__COLLATERAL_NOT_ACCEPTED', field: 'collateralAssets', value: asset, context: { venue: venueId, accepted: params.collateralAssets.join(', ') } });
          }
        }
      }
      return problems;
    },

    doMaintenanceMargin(marketId: string, notionalQuote: AmountQuote): AmountQuote {
      return okxMaintenanceMargin(tiersOf(marketId), notionalQuote);
    },

    doPriceTriggers(input: PriceTriggerInputV1, out: PriceTriggersV1): void {
      const tiers = tiersOf(input.marketId);
      out.liquidationPriceQuote = isolatedLiquidationPrice({
        side: input.side,
        entryPriceQuote: input.entryPriceQuote,
        sizeBase: input.sizeBase,
        walletBalanceQuote: input.marginQuote,
        maintenanceMarginRate: okxMaintenanceRatio(tiers, input.sizeBase * input.entryPriceQuote).maintenanceMarginRate,
        takerFeeRate: params.takerFeeRate,
      });
      out.bankruptcyPriceQuote = isolatedBankruptcyPrice(input.side, input.entryPriceQuote, input.sizeBase, input.marginQuote);
    },

    doLiquidationOrder(input: LiquidationOrderInputV1, out: LiquidationOrderV1): void {
      const tiers = tiersOf(input.marketId);
      out.route = 'market';
      out.limitPriceQuote = NaN;
      out.feeRate = params.takerFeeRate;
      out.cooldownSeconds = 0;
      const tier = okxTierIndex(tiers, input.sizeBase * input.markPriceQuote);
      if (tier === 0 || input.markPriceQuote <= 0) {
        out.closeBase = input.sizeBase;
        return;
      }
      // Gradual liquidation: reduce the position to the tier below (OKX "partial liquidation" by tiers).
      const keepBase = tiers[tier - 1]!.maxNotionalQuote / input.markPriceQuote;
      const closeBase = input.sizeBase - keepBase;
      out.closeBase = closeBase > 0 && closeBase < input.sizeBase ? closeBase : input.sizeBase;
    },

    doSettle(input: SettlementInputV1, out: SettlementV1): void {
      settleLiquidation(input, out);
    },

    doAdlScore: adlScore,
  };
}
