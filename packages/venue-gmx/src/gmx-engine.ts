import type {
  AdlCandidateInputV1,
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
import { gmxBaseMarketParams, type GmxMarketParams } from './gmx-params';
import { gmxBankruptcyPrice, gmxLiquidationPrice, liquidationThresholdUsd } from './liquidation-price';

/** Options of {@link createGmxEngine}. */
export type GmxEngineOptions = {
  /** Venue id reported in events (default `gmx-v2`). */
  venueId?: string;
  /** Parameters per market id; `'*'` applies to every other market (default `{ '*': gmxBaseMarketParams }`). */
  markets?: Readonly<Record<string, GmxMarketParams>>;
  /** Collateral tokens accepted (a market's long and short tokens; default `['WETH', 'USDC']`). */
  collateralAssets?: readonly string[];
  /** Smallest position in base units (default 0). */
  minPositionSizeBase?: number;
};

/** What the GMX v2 engine models. */
export const gmxCapabilities = {
  partialLiquidation: false,
  tieredMargin: false,
  isolatedMargin: true,
  crossMargin: false,
  insuranceFund: false,
  autoDeleveraging: true,
  backstopVault: true,
  perStepLimits: false,
  lending: false,
} as const satisfies VenueCapabilitiesV1;

/**
 * The GMX v2 (gmx-synthetics) liquidation engine: isolated positions against a GM pool; a keeper liquidates a
 * position whose remaining collateral after PnL and close fees is below `max(minCollateralUsd, size x
 * minCollateralFactorForLiquidation)`; the whole position closes against the pool at the oracle price (route
 * `backstop`), the close and liquidation fees are taken from the collateral, and loss beyond it is the pool's.
 * ADL is by profit share times leverage (GMX ADLs when pool PnL exceeds `maxPnlFactorForAdl`).
 *
 * @example
 * ```ts
 * const gmx = createGmxEngine({ markets: { 'ETH/USD': gmxBaseMarketParams, 'SOL/USD': gmxSyntheticMarketParams } });
 * ```
 */
export function createGmxEngine(options: GmxEngineOptions = {}): LiquidationEngineModelV1 {
  const venueId = options.venueId ?? 'gmx-v2';
  const markets = options.markets ?? { '*': gmxBaseMarketParams };
  const collateralAssets = options.collateralAssets ?? ['WETH', 'USDC'];
  const minPositionSizeBase = options.minPositionSizeBase ?? 0;
  const known = Object.keys(markets).join(', ');
  const maxLeverage: Record<string, number> = {};
  for (const [market, p] of Object.entries(markets)) maxLeverage[market] = 1 / p.minCollateralFactor;
  const acceptsAny = collateralAssets.includes('*');

  const paramsOf = (marketId: string): GmxMarketParams | undefined => markets[marketId] ?? markets['*'];
  const requireParams = (marketId: string): GmxMarketParams => {
    const p = paramsOf(marketId);
    if (!p) throw new RangeError(`gmx-v2: unknown market ${marketId} (known: ${known})`);
    return p;
  };

  return {
    specificationVersion: 'v1',
    venueId,
    capabilities: gmxCapabilities,
    limits: { maxLeverage, minPositionSizeBase, collateralAssets },

    doValidatePosition(p: PositionCheckInputV1): VenueProblemV1[] {
      const problems: VenueProblemV1[] = [];
      const params = paramsOf(p.marketId);
      if (!params) {
        problems.push({ code: 'SCENARIO__UNKNOWN_TIER', field: 'marketId', value: p.marketId, context: { venue: venueId, known } });
      } else if (p.leverage > 1 / params.minCollateralFactor) {
        problems.push({ code: 'SCENARIO__LEVERAGE_ABOVE_VENUE_MAX', field: 'leverage', value: p.leverage, context: { max: 1 / params.minCollateralFactor, venue: venueId } });
      }
      if (p.sizeBase < minPositionSizeBase) {
        problems.push({ code: 'SCENARIO__SIZE_BELOW_VENUE_MIN', field: 'sizeBase', value: p.sizeBase, context: { min: minPositionSizeBase, venue: venueId } });
      }
      if (!acceptsAny) {
        for (const asset of p.collateralAssets) {
          if (!collateralAssets.includes(asset)) {
            problems.push({ code: 'SCENARIO__COLLATERAL_NOT_ACCEPTED', field: 'collateralAssets', value: asset, context: { venue: venueId, accepted: collateralAssets.join(', ') } });
          }
        }
      }
      return problems;
    },

    doMaintenanceMargin(marketId: string, notionalQuote: AmountQuote): AmountQuote {
      return liquidationThresholdUsd(requireParams(marketId), notionalQuote);
    },

    doPriceTriggers(input: PriceTriggerInputV1, out: PriceTriggersV1): void {
      out.liquidationPriceQuote = gmxLiquidationPrice(requireParams(input.marketId), input.side, input.sizeBase, input.entryPriceQuote, input.marginQuote);
      out.bankruptcyPriceQuote = gmxBankruptcyPrice(input.side, input.sizeBase, input.entryPriceQuote, input.marginQuote);
    },

    doLiquidationOrder(input: LiquidationOrderInputV1, out: LiquidationOrderV1): void {
      const params = requireParams(input.marketId);
      // The keeper's liquidation order closes the whole position against the pool at the oracle price.
      out.closeBase = input.sizeBase;
      out.route = 'backstop';
      out.limitPriceQuote = NaN;
      out.feeRate = params.positionFeeFactorForNegativeImpact + params.liquidationFeeFactor;
      out.cooldownSeconds = 0;
    },

    doSettle(input: SettlementInputV1, out: SettlementV1): void {
      const pnl = input.side * input.closedBase * (input.fillPriceQuote - input.entryPriceQuote);
      const remaining = input.marginQuote + pnl;
      const fee = Math.min(input.feeRate * input.closedBase * input.fillPriceQuote, Math.max(remaining, 0));
      out.feeToFundQuote = fee;
      out.feeToLiquidatorQuote = 0;
      out.returnedToAccountQuote = Math.max(remaining - fee, 0);
      out.shortfallQuote = Math.max(-remaining, 0);
    },

    doAdlScore(input: AdlCandidateInputV1): number {
      const entryValue = input.sizeBase * input.entryPriceQuote;
      const pnl = input.side * input.sizeBase * (input.markPriceQuote - input.entryPriceQuote);
      const equity = input.marginQuote + pnl;
      if (equity <= 0) return pnl > 0 ? Infinity : -Infinity;
      const share = pnl / entryValue;
      const leverage = (input.sizeBase * input.markPriceQuote) / equity;
      return share > 0 ? share * leverage : share / leverage;
    },
  };
}
