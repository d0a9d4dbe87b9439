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
import { driftExampleParams, type DriftParams, type DriftPerpMarketParams } from './drift-params';
import { driftPerpBankruptcyPrice, driftPerpLiquidationPrice } from './perp-liquidation-price';

/** Options of {@link createDriftEngine}: any {@link DriftParams} field overrides {@link driftExampleParams}. */
export type DriftEngineOptions = Partial<DriftParams> & {
  /** Venue id reported in events (default `drift`). */
  venueId?: string;
};

/** What the Drift engine models. */
export const driftCapabilities = {
  partialLiquidation: true,
  tieredMargin: false,
  isolatedMargin: false,
  crossMargin: true,
  insuranceFund: true,
  autoDeleveraging: false,
  backstopVault: false,
  perStepLimits: true,
  lending: false,
} as const satisfies VenueCapabilitiesV1;

const MARGIN = 1e4;
const FEE = 1e6;
const PCT = 1e4;
/** Shortages below 50 USD are liquidated at once (`calculate_max_pct_to_liquidate`). */
const SMALL_SHORTAGE_QUOTE = 50;

/**
 * The Drift v2 perp liquidation engine: an account is liquidatable below maintenance margin; a liquidation
 * transfers just enough base to restore maintenance margin plus the buffer
 * (`calculate_base_asset_amount_to_cover_margin_shortage`), at most the share `maxPctToLiquidate` allows, as a
 * reduce-only order limited at oracle -/+ liquidator fee; the user pays the liquidator fee and the insurance-fund
 * fee (`calculate_perp_if_fee`); losses beyond collateral go to the insurance fund, then are socialised over open
 * interest. The engine mirrors the integer functions in floating point so that it allocates nothing per call.
 *
 * @example
 * ```ts
 * const drift = createDriftEngine({ markets: { 'SOL-PERP': { marginRatioInitial: 1000, marginRatioMaintenance: 500, liquidatorFee: 10000, ifLiquidationFee: 10000 } } });
 * ```
 */
export function createDriftEngine(options: DriftEngineOptions = {}): LiquidationEngineModelV1 {
  const venueId = options.venueId ?? 'drift';
  const params: DriftParams = { ...driftExampleParams, ...options };
  const known = Object.keys(params.markets).join(', ');
  const maxLeverage: Record<string, number> = {};
  for (const [market, m] of Object.entries(params.markets)) maxLeverage[market] = MARGIN / m.marginRatioInitial;
  // Settlement does not see the market: the liquidator's share uses the smallest liquidator fee configured.
  const settlementLiquidatorFee = Math.min(...Object.values(params.markets).map((m) => m.liquidatorFee)) / FEE;
  const buffer = params.liquidationMarginBufferRatio / MARGIN;
  const acceptsAny = params.collateralAssets.includes('*');

  const marketOf = (marketId: string): DriftPerpMarketParams | undefined => params.markets[marketId] ?? params.markets['*'];
  const requireMarket = (marketId: string): DriftPerpMarketParams => {
    const m = marketOf(marketId);
    if (!m) throw new RangeError(`drift: unknown market ${marketId} (known: ${known})`);
    return m;
  };

  return {
    specificationVersion: 'v1',
    venueId,
    capabilities: driftCapabilities,
    limits: { maxLeverage, minPositionSizeBase: params.minPositionSizeBase, collateralAssets: params.collateralAssets },

    doValidatePosition(p: PositionCheckInputV1): VenueProblemV1[] {
      const problems: VenueProblemV1[] = [];
      const m = marketOf(p.marketId);
      if (!m) {
        problems.push({ code: 'SCENARIO__UNKNOWN_TIER', field: 'marketId', value: p.marketId, context: { venue: venueId, known } });
      } else if (p.leverage > MARGIN / m.marginRatioInitial) {
        problems.push({ code: 'SCENARIO__LEVERAGE_ABOVE_VENUE_MAX', field: 'leverage', value: p.leverage, context: { max: MARGIN / m.marginRatioInitial, venue: venueId } });
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
      return (notionalQuote * requireMarket(marketId).marginRatioMaintenance) / MARGIN;
    },

    doPriceTriggers(input: PriceTriggerInputV1, out: PriceTriggersV1): void {
      const m = requireMarket(input.marketId);
      out.liquidationPriceQuote = driftPerpLiquidationPrice(input.side, input.sizeBase, input.entryPriceQuote, input.marginQuote, m.marginRatioMaintenance / MARGIN);
      out.bankruptcyPriceQuote = driftPerpBankruptcyPrice(input.side, input.sizeBase, input.entryPriceQuote, input.marginQuote);
    },

    doLiquidationOrder(input: LiquidationOrderInputV1, out: LiquidationOrderV1): void {
      const m = requireMarket(input.marketId);
      const price = input.markPriceQuote;
      const notional = input.sizeBase * price;
      const marginRatio = m.marginRatioMaintenance / MARGIN + buffer;
      const liquidatorFee = m.liquidatorFee / FEE;
      const shortage = input.maintenanceMarginQuote + notional * buffer - input.equityQuote;

      // calculate_perp_if_fee: 95% of what is left of the margin ratio after the liquidator fee and the shortage.
      let ifFee = 0;
      if (marginRatio > liquidatorFee && notional > 0) {
        ifFee = Math.min(m.ifLiquidationFee / FEE, Math.max(0, 0.95 * (marginRatio - liquidatorFee - shortage / notional)));
      }
      out.route = 'market';
      out.limitPriceQuote = price * (1 - input.side * liquidatorFee);
      out.feeRate = liquidatorFee + ifFee;
      out.cooldownSeconds = 0;
      if (shortage <= 0) {
        out.closeBase = 0;
        return;
      }
      // calculate_base_asset_amount_to_cover_margin_shortage.
      const freedPerBase = price * (marginRatio - liquidatorFee) - price * ifFee;
      const coverBase = marginRatio <= liquidatorFee || freedPerBase <= 0 ? input.sizeBase : shortage / freedPerBase;
      // calculate_max_pct_to_liquidate: the share ramps from initial_pct to 100% over liquidation_duration.
      let pct = 1;
      if (shortage >= SMALL_SHORTAGE_QUOTE && params.liquidationDurationSlots > 0) {
        const slots = input.secondsSinceLastLiquidation / params.slotSeconds;
        pct = Math.min(1, params.initialPctToLiquidate / PCT + slots / params.liquidationDurationSlots);
      }
      out.closeBase = Math.min(input.sizeBase, coverBase * pct);
    },

    doSettle(input: SettlementInputV1, out: SettlementV1): void {
      const notional = input.closedBase * input.fillPriceQuote;
      const pnl = input.side * input.closedBase * (input.fillPriceQuote - input.entryPriceQuote);
      const remaining = input.marginQuote + pnl;
      const fee = Math.min(input.feeRate * notional, Math.max(remaining, 0));
      out.feeToLiquidatorQuote = Math.min(fee, settlementLiquidatorFee * notional);
      out.feeToFundQuote = fee - out.feeToLiquidatorQuote;
      out.returnedToAccountQuote = Math.max(remaining - fee, 0);
      out.shortfallQuote = Math.max(-remaining, 0);
    },

    doAdlScore(input: AdlCandidateInputV1): number {
      // Drift socialises losses over open interest (funding-rate delta) and charges users whose profit per
      // base is above the market mean first; the profit share of entry value ranks that.
      return (input.side * (input.markPriceQuote - input.entryPriceQuote)) / input.entryPriceQuote;
    },
  };
}
