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
import { gateMaintenanceMargin, gateMaintenanceRatio, gateTierIndex } from './margin-tiers';
import { gateFixtureParams, type GateParams, type GateTier } from './gate-params';
import { settleLiquidation } from './settlement';

/** Options of {@link createGateEngine}: any {@link GateParams} field overrides {@link gateFixtureParams}. */
export type GateEngineOptions = Partial<GateParams> & {
  /** Venue id reported in events (default `gate`). */
  venueId?: string;
};

/** What the Gate engine models. */
export const gateCapabilities = {
  partialLiquidation: false,
  tieredMargin: true,
  isolatedMargin: true,
  crossMargin: 'emulated',
  insuranceFund: true,
  autoDeleveraging: true,
  backstopVault: false,
  perStepLimits: false,
  lending: false,
} as const satisfies VenueCapabilitiesV1;

function sortedTiers(tiers: readonly GateTier[]): readonly GateTier[] {
  return [...tiers].sort((a, b) => a.minNotionalQuote - b.minNotionalQuote);
}

/**
 * The Gate liquidation engine: risk-limit tiers (maintenance rate of the tier of the notional), the isolated
 * liquidation price of Gate's formula (maintenance rate plus taker fee, as freqtrade implements it), a full close
 * by the liquidation engine, a taker-fee liquidation charge to the insurance fund, and ADL.
 *
 * @example
 * ```ts
 * const gate = createGateEngine({ tiersByMarket: { 'BTC/USDT:USDT': myRiskLimitTiers }, takerFeeRate: 0.0005 });
 * ```
 */
export function createGateEngine(options: GateEngineOptions = {}): LiquidationEngineModelV1 {
  const venueId = options.venueId ?? 'gate';
  const params: GateParams = {
    tiersByMarket: options.tiersByMarket ?? gateFixtureParams.tiersByMarket,
    takerFeeRate: options.takerFeeRate ?? gateFixtureParams.takerFeeRate,
    minPositionSizeBase: options.minPositionSizeBase ?? gateFixtureParams.minPositionSizeBase,
    collateralAssets: options.collateralAssets ?? gateFixtureParams.collateralAssets,
  };
  const tiersByMarket = new Map<string, readonly GateTier[]>();
  const maxLeverage: Record<string, number> = {};
  for (const [market, tiers] of Object.entries(params.tiersByMarket)) {
    if (tiers.length === 0) throw new RangeError(`gate: market ${market} has no tiers`);
    tiersByMarket.set(market, sortedTiers(tiers));
    maxLeverage[market] = Math.max(...tiers.map((t) => t.maxLeverage));
  }
  const known = [...tiersByMarket.keys()].join(', ');
  const acceptsAny = params.collateralAssets.includes('*');

  const tiersOf = (marketId: string): readonly GateTier[] => {
    const tiers = tiersByMarket.get(marketId) ?? tiersByMarket.get('*');
    if (!tiers) throw new RangeError(`gate: unknown market ${marketId} (known: ${known})`);
    return tiers;
  };

  return {
    specificationVersion: 'v1',
    venueId,
    capabilities: gateCapabilities,
    limits: { maxLeverage, minPositionSizeBase: params.minPositionSizeBase, collateralAssets: params.collateralAssets },

    doValidatePosition(p: PositionCheckInputV1): VenueProblemV1[] {
      const problems: VenueProblemV1[] = [];
      const tiers = tiersByMarket.get(p.marketId) ?? tiersByMarket.get('*');
      if (!tiers) {
        problems.push({ code: 'SCENARIO__UNKNOWN_TIER', field: 'marketId', value: p.marketId, context: { venue: venueId, known } });
      } else {
        const cap = tiers[gateTierIndex(tiers, p.sizeBase * p.entryPriceQuote)]!.maxLeverage;
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
      return gateMaintenanceMargin(tiersOf(marketId), notionalQuote);
    },

    doPriceTriggers(input: PriceTriggerInputV1, out: PriceTriggersV1): void {
      const tiers = tiersOf(input.marketId);
      out.liquidationPriceQuote = isolatedLiquidationPrice({
        side: input.side,
        entryPriceQuote: input.entryPriceQuote,
        sizeBase: input.sizeBase,
        walletBalanceQuote: input.marginQuote,
        maintenanceMarginRate: gateMaintenanceRatio(tiers, input.sizeBase * input.entryPriceQuote).maintenanceMarginRate,
        takerFeeRate: params.takerFeeRate,
      });
      out.bankruptcyPriceQuote = isolatedBankruptcyPrice(input.side, input.entryPriceQuote, input.sizeBase, input.marginQuote);
    },

    doLiquidationOrder(input: LiquidationOrderInputV1, out: LiquidationOrderV1): void {
      tiersOf(input.marketId);
      // Gate's liquidation engine takes over and closes the whole position (no gradual liquidation modelled).
      out.closeBase = input.sizeBase;
      out.route = 'market';
      out.limitPriceQuote = NaN;
      out.feeRate = params.takerFeeRate;
      out.cooldownSeconds = 0;
    },

    doSettle(input: SettlementInputV1, out: SettlementV1): void {
      settleLiquidation(input, out);
    },

    doAdlScore: adlScore,
  };
}
