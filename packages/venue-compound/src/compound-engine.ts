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
import { type CometAssetParams, type CometMarketParams, cometUsdcMainnetLaunch } from './comet-params';
import { cometLiquidationPriceQuote } from './lending-prices';

/** Options of {@link createCompoundEngine}. */
export type CompoundEngineOptions = {
  /** Venue id reported in events (default `compound-v3`). */
  venueId?: string;
  /** The Comet market (default {@link cometUsdcMainnetLaunch}). Market ids are collateral symbols. */
  market?: CometMarketParams;
};

/** What the Compound III plugin does. */
export const compoundCapabilities = {
  partialLiquidation: false,
  tieredMargin: false,
  isolatedMargin: false,
  crossMargin: true,
  insuranceFund: true,
  autoDeleveraging: false,
  backstopVault: true,
  perStepLimits: false,
  lending: true,
} as const satisfies VenueCapabilitiesV1;

/**
 * A Comet borrow as a firesale position: a long of `sizeBase` collateral that borrowed
 * `sizeBase * entryPriceQuote - marginQuote` of the base asset (quote = base asset, priced 1). Shorts do not
 * exist in Comet (only the base asset can be borrowed).
 *
 * - liquidatable when collateral value * liquidateCollateralFactor < debt (Comet.sol `isLiquidatable`);
 *   maintenance margin = notional * (1 - liquidateCollateralFactor); max leverage 1 / (1 - borrowCollateralFactor);
 * - `absorb` takes the whole position into protocol reserves at the oracle price (route `network`: the
 *   protocol then sells it through `buyCollateral` at the store-front discount); fee rate =
 *   1 - liquidationFactor;
 * - settlement: reserves keep the penalty (fund); the account keeps the surplus of value * liquidationFactor
 *   over its debt; debt beyond the collateral's value is a shortfall paid by reserves.
 *
 * @example
 * ```ts
 * const compound = createCompoundEngine({ market: cometUsdcMainnetLaunch });
 * ```
 */
export function createCompoundEngine(options: CompoundEngineOptions = {}): LiquidationEngineModelV1 {
  const venueId = options.venueId ?? 'compound-v3';
  const market: CometMarketParams = options.market ?? cometUsdcMainnetLaunch;
  const assets = new Map<string, CometAssetParams>(Object.entries(market.assets));
  const maxLeverage: Record<string, number> = {};
  for (const [id, a] of assets) maxLeverage[id] = 1 / (1 - a.borrowCollateralFactor);
  const known = [...assets.keys()].join(', ');
  const accepted = [...assets.keys()];

  function assetOf(marketId: string): CometAssetParams {
    const a = assets.get(marketId);
    if (a === undefined) throw new RangeError(`${venueId}: unknown collateral "${marketId}" (known: ${known})`);
    return a;
  }

  return {
    specificationVersion: 'v1',
    venueId,
    capabilities: compoundCapabilities,
    limits: { maxLeverage, minPositionSizeBase: 0, collateralAssets: accepted },

    doValidatePosition(p: PositionCheckInputV1): VenueProblemV1[] {
      const problems: VenueProblemV1[] = [];
      if (!assets.has(p.marketId)) {
        problems.push({ code: 'SCENARIO__UNKNOWN_TIER', field: 'marketId', value: p.marketId, context: { venue: venueId, known } });
        return problems;
      }
      if (p.side !== 1) {
        problems.push({ code: 'SCENARIO__INVALID_FIELD', field: 'side', value: p.side, context: { reason: `Compound III lends only its base asset (${market.baseAsset}): only longs of collateral exist` } });
      }
      const max = maxLeverage[p.marketId] ?? 0;
      if (p.leverage > max) {
        problems.push({ code: 'SCENARIO__LEVERAGE_ABOVE_VENUE_MAX', field: 'leverage', value: p.leverage, context: { max, venue: venueId } });
      }
      const debtPerBase = p.entryPriceQuote * (1 - 1 / p.leverage);
      if (debtPerBase > 0 && p.sizeBase * debtPerBase < market.baseBorrowMinBase) {
        problems.push({ code: 'SCENARIO__SIZE_BELOW_VENUE_MIN', field: 'sizeBase', value: p.sizeBase, context: { min: market.baseBorrowMinBase / debtPerBase, venue: venueId } });
      }
      for (const asset of p.collateralAssets) {
        if (!assets.has(asset)) {
          problems.push({ code: 'SCENARIO__COLLATERAL_NOT_ACCEPTED', field: 'collateralAssets', value: asset, context: { venue: venueId, accepted: accepted.join(', ') } });
        }
      }
      return problems;
    },

    doMaintenanceMargin(marketId: string, notionalQuote: AmountQuote): AmountQuote {
      return notionalQuote * (1 - assetOf(marketId).liquidateCollateralFactor);
    },

    doPriceTriggers(input: PriceTriggerInputV1, out: PriceTriggersV1): void {
      const a = assetOf(input.marketId);
      const debt = input.sizeBase * input.entryPriceQuote - input.marginQuote;
      out.liquidationPriceQuote = cometLiquidationPriceQuote(input.sizeBase, debt, a.liquidateCollateralFactor);
      out.bankruptcyPriceQuote = cometLiquidationPriceQuote(input.sizeBase, debt, 1);
    },

    doLiquidationOrder(input: LiquidationOrderInputV1, out: LiquidationOrderV1): void {
      const a = assetOf(input.marketId);
      // Comet.sol absorb: all collateral of the account moves to reserves at once.
      out.closeBase = input.sizeBase;
      out.route = 'network';
      out.limitPriceQuote = NaN;
      out.feeRate = 1 - a.liquidationFactor;
      out.cooldownSeconds = 0;
    },

    doSettle(input: SettlementInputV1, out: SettlementV1): void {
      // remaining = value - debt; the account keeps value * liquidationFactor - debt when positive.
      const pnl = input.side * input.closedBase * (input.fillPriceQuote - input.entryPriceQuote);
      const remaining = input.marginQuote + pnl;
      const penalty = Math.min(input.feeRate * input.closedBase * input.fillPriceQuote, Math.max(remaining, 0));
      out.feeToFundQuote = penalty;
      out.feeToLiquidatorQuote = 0;
      out.returnedToAccountQuote = Math.max(remaining - penalty, 0);
      out.shortfallQuote = Math.max(-remaining, 0);
    },

    doAdlScore(): number {
      return 0;
    },
  };
}
