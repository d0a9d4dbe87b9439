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
import { type AaveMarketParams, type AaveReserveParams, aaveV3TestListing } from './aave-params';
import { type LendingSides, healthFactorOnePriceQuote, lendingSides } from './lending-prices';

/** Options of {@link createAaveEngine}. */
export type AaveEngineOptions = {
  /** Venue id reported in events (default `aave-v3`). */
  venueId?: string;
  /** Reserves and quote asset (default {@link aaveV3TestListing}). */
  market?: AaveMarketParams;
  /**
   * Treasury share of the liquidation bonus used by `doSettle`, bps (the settlement input names no market).
   * Default: the reserves' common `liquidationProtocolFeeBps`; required when reserves differ.
   */
  settlementProtocolFeeBps?: number;
  /** Close factor 100% below this collateral or debt value (default 2000, in quote ~ USD). */
  minBaseMaxCloseFactorThresholdQuote?: number;
  /** Least collateral and debt a partial liquidation may leave (default 1000, in quote ~ USD). */
  minLeftoverQuote?: number;
};

/** What the Aave v3 plugin does. */
export const aaveCapabilities = {
  partialLiquidation: true,
  tieredMargin: false,
  isolatedMargin: false,
  crossMargin: true,
  insuranceFund: true,
  autoDeleveraging: false,
  backstopVault: false,
  perStepLimits: false,
  lending: true,
} as const satisfies VenueCapabilitiesV1;

/** Health factor at or below which the close factor is 100% (LiquidationLogic.sol CLOSE_FACTOR_HF_THRESHOLD). */
const CLOSE_FACTOR_HF_THRESHOLD = 0.95;
/** Close factor above the threshold (LiquidationLogic.sol DEFAULT_LIQUIDATION_CLOSE_FACTOR). */
const DEFAULT_CLOSE_FACTOR = 0.5;

/**
 * An Aave v3 position with one collateral and one debt as a firesale position (see {@link lendingSides}):
 * a long of the market asset borrows the quote asset; a short borrows the market asset against the quote asset.
 *
 * - liquidatable when HF = collateral * LT / debt < 1; liquidation price where HF = 1, bankruptcy price where
 *   collateral = debt; maintenance margin of a long = notional * (1 - LT);
 * - each liquidation repays the close factor's share of the debt (50% above HF 0.95 when collateral and debt
 *   are both worth at least 2000, else 100%), seizing debt * bonus of collateral (capped at the collateral),
 *   reduced when a 50% close would leave less than 1000 of collateral (dust rule); route `market`;
 * - the liquidator earns the bonus whatever the account's equity; the treasury takes its share of the bonus;
 *   debt left when the collateral runs out is a shortfall (Aave books it as reserve deficit).
 *
 * @example
 * ```ts
 * const aave = createAaveEngine({ market: aaveV3TestListing });
 * ```
 */
export function createAaveEngine(options: AaveEngineOptions = {}): LiquidationEngineModelV1 {
  const venueId = options.venueId ?? 'aave-v3';
  const market: AaveMarketParams = options.market ?? aaveV3TestListing;
  const minCloseFactorValue = options.minBaseMaxCloseFactorThresholdQuote ?? 2000;
  const minLeftover = options.minLeftoverQuote ?? 1000;
  const quote = market.reserves[market.quoteAsset];
  if (quote === undefined) throw new RangeError(`${venueId}: quoteAsset "${market.quoteAsset}" is not a reserve`);
  const reserves = new Map<string, AaveReserveParams>(
    Object.entries(market.reserves).filter(([id]) => id !== market.quoteAsset),
  );
  const fees = new Set(Object.values(market.reserves).map((r) => r.liquidationProtocolFeeBps));
  const feeBps = options.settlementProtocolFeeBps ?? (fees.size === 1 ? [...fees][0]! : NaN);
  if (Number.isNaN(feeBps)) {
    throw new RangeError(`${venueId}: reserves have different protocol fees; pass settlementProtocolFeeBps`);
  }
  const treasuryShare = feeBps / 10_000;
  const maxLeverage: Record<string, number> = {};
  for (const [id, r] of reserves) maxLeverage[id] = 1 / (1 - r.ltvBps / 10_000);
  const known = [...reserves.keys()].join(', ');
  const accepted = Object.entries(market.reserves)
    .filter(([, r]) => r.liquidationThresholdBps > 0)
    .map(([id]) => id);
  const sides: LendingSides = { collateralQuote: 0, debtQuote: 0 };

  function reserveOf(marketId: string): AaveReserveParams {
    const r = reserves.get(marketId);
    if (r === undefined) throw new RangeError(`${venueId}: unknown market "${marketId}" (known: ${known})`);
    return r;
  }
  /** The reserve used as collateral: the market asset for a long, the quote asset for a short. */
  function collateralOf(marketId: string, side: number): AaveReserveParams {
    const r = reserveOf(marketId);
    return side === 1 ? r : quote!;
  }

  return {
    specificationVersion: 'v1',
    venueId,
    capabilities: aaveCapabilities,
    limits: { maxLeverage, minPositionSizeBase: 0, collateralAssets: accepted },

    doValidatePosition(p: PositionCheckInputV1): VenueProblemV1[] {
      const problems: VenueProblemV1[] = [];
      const r = reserves.get(p.marketId);
      if (r === undefined) {
        problems.push({ code: 'SCENARIO__UNKNOWN_TIER', field: 'marketId', value: p.marketId, context: { venue: venueId, known } });
        return problems;
      }
      if (p.side === -1 && !r.borrowable) {
        problems.push({ code: 'SCENARIO__INVALID_FIELD', field: 'side', value: p.side, context: { reason: `${p.marketId} cannot be borrowed on ${venueId}` } });
      }
      // A long borrows up to LTV of its collateral; a short borrows up to LTV of (notional + margin).
      const ltvCollateral = collateralOf(p.marketId, p.side).ltvBps / 10_000;
      const max = p.side === 1 ? 1 / (1 - ltvCollateral) : ltvCollateral / (1 - ltvCollateral);
      if (p.leverage > max) {
        problems.push({ code: 'SCENARIO__LEVERAGE_ABOVE_VENUE_MAX', field: 'leverage', value: p.leverage, context: { max, venue: venueId } });
      }
      for (const asset of p.collateralAssets) {
        if (!accepted.includes(asset)) {
          problems.push({ code: 'SCENARIO__COLLATERAL_NOT_ACCEPTED', field: 'collateralAssets', value: asset, context: { venue: venueId, accepted: accepted.join(', ') } });
        }
      }
      return problems;
    },

    doMaintenanceMargin(marketId: string, notionalQuote: AmountQuote): AmountQuote {
      return notionalQuote * (1 - reserveOf(marketId).liquidationThresholdBps / 10_000);
    },

    doPriceTriggers(input: PriceTriggerInputV1, out: PriceTriggersV1): void {
      const lt = collateralOf(input.marketId, input.side).liquidationThresholdBps / 10_000;
      out.liquidationPriceQuote = healthFactorOnePriceQuote(input.side, input.sizeBase, input.entryPriceQuote, input.marginQuote, lt);
      out.bankruptcyPriceQuote = healthFactorOnePriceQuote(input.side, input.sizeBase, input.entryPriceQuote, input.marginQuote, 1);
    },

    doLiquidationOrder(input: LiquidationOrderInputV1, out: LiquidationOrderV1): void {
      const c = collateralOf(input.marketId, input.side);
      const bonus = c.liquidationBonusBps / 10_000;
      out.route = 'market';
      out.limitPriceQuote = NaN;
      out.cooldownSeconds = 0;
      out.feeRate = input.side === 1 ? 1 - 1 / bonus : bonus - 1;
      lendingSides(input.side, input.sizeBase, input.entryPriceQuote, input.marginQuote, input.markPriceQuote, sides);
      const collateral = sides.collateralQuote;
      const debt = sides.debtQuote;
      if (debt <= 0 || collateral <= 0 || input.markPriceQuote <= 0) {
        out.closeBase = 0;
        return;
      }
      const hf = (collateral * c.liquidationThresholdBps) / 10_000 / debt;
      const half = collateral >= minCloseFactorValue && debt >= minCloseFactorValue && hf > CLOSE_FACTOR_HF_THRESHOLD;
      let repay = half ? debt * DEFAULT_CLOSE_FACTOR : debt;
      let seize = repay * bonus;
      if (seize > collateral) {
        seize = collateral;
        repay = collateral / bonus;
      }
      // Dust rule: a partial liquidation leaves at least minLeftover of collateral and debt.
      if (repay < debt && seize < collateral && (collateral - seize < minLeftover || debt - repay < minLeftover)) {
        repay = Math.max((collateral - minLeftover) / bonus, 0);
        seize = repay * bonus;
        if (debt - repay < minLeftover) repay = seize = 0;
      }
      out.closeBase = Math.min((input.side === 1 ? seize : repay) / input.markPriceQuote, input.sizeBase);
    },

    doSettle(input: SettlementInputV1, out: SettlementV1): void {
      // The liquidator's bonus is paid in collateral whatever the equity (LiquidationLogic.sol); what the
      // collateral cannot cover is debt left without collateral: the reserve deficit.
      const pnl = input.side * input.closedBase * (input.fillPriceQuote - input.entryPriceQuote);
      const remaining = input.marginQuote + pnl;
      const bonus = input.feeRate * input.closedBase * input.fillPriceQuote;
      out.feeToFundQuote = bonus * treasuryShare;
      out.feeToLiquidatorQuote = bonus - out.feeToFundQuote;
      out.returnedToAccountQuote = Math.max(remaining - bonus, 0);
      out.shortfallQuote = Math.max(bonus - remaining, 0);
    },

    doAdlScore(): number {
      return 0;
    },
  };
}
