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
import { binanceAdlRanking } from './adl-ranking';
import { binanceParams, type BinanceParams } from './binance-params';
import { bracketIndex, maintenanceMargin, resolveBrackets, type BinanceBracket, type ResolvedBrackets } from './leverage-brackets';
import { decideLiquidationOrder } from './liquidation-order';
import { settleLiquidation } from './settlement';
import { usdmBankruptcyPrice, usdmLiquidationPrice } from './usdm-liquidation-price';

/** Options of {@link createBinanceEngine}. Every field is optional. */
export type BinanceEngineOptions = {
  /** Venue id reported in events (default `binance-usdm`). */
  venueId?: string;
  /** USDⓈ-M brackets merged over {@link binanceParams}`.usdmBrackets` (a symbol listed here replaces the published one). */
  brackets?: Readonly<Record<string, readonly BinanceBracket[]>>;
  /** Brackets for symbols without their own. Unset (default): an unknown symbol is a `SCENARIO__UNKNOWN_TIER` problem. */
  defaultBrackets?: readonly BinanceBracket[];
  /**
   * Symbol whose brackets give the maintenance margin of ADL candidates (the ADL input carries no market id).
   * Default `BTCUSDT`.
   */
  adlMarketId?: string;
  /** Overrides of the published parameters other than brackets. */
  params?: Partial<Pick<BinanceParams, 'insuranceClearanceFeeRate' | 'collateralAssets'>>;
};

/** What Binance Futures' liquidation engine does. */
export const binanceCapabilities = {
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
 * Binance USDⓈ-M Futures' liquidation engine: leverage brackets with maintenance amounts, the FAQ liquidation
 * price (bracket at the liquidation price), liquidation by IOC orders limited at the bankruptcy price that first
 * lower the position's bracket, the insurance clearance fee to the insurance fund, and ADL by LeveragePnL.
 * COIN-M mechanics are pure functions of this package (`coinmLiquidationPrice`, `coinmMaintenanceMargin`); the
 * engine contract measures margin in quote, so the engine models USDⓈ-M.
 *
 * @example
 * ```ts
 * const venue = createBinanceEngine();
 * venue.doMaintenanceMargin('BTCUSDT', 3_500_032.45776); // 71,200.81 USDT
 * ```
 */
export function createBinanceEngine(options: BinanceEngineOptions = {}): LiquidationEngineModelV1 {
  const venueId = options.venueId ?? 'binance-usdm';
  const feeRate = options.params?.insuranceClearanceFeeRate ?? binanceParams.insuranceClearanceFeeRate;
  const collateralAssets = options.params?.collateralAssets ?? binanceParams.collateralAssets;
  const table = new Map<string, ResolvedBrackets>();
  for (const [symbol, list] of Object.entries({ ...binanceParams.usdmBrackets, ...options.brackets })) {
    table.set(symbol, resolveBrackets(list));
  }
  const fallback = options.defaultBrackets ? resolveBrackets(options.defaultBrackets) : undefined;
  const known = [...table.keys()].join(', ');
  const maxLeverage: Record<string, number> = {};
  for (const [symbol, b] of table) maxLeverage[symbol] = b.maxLeverages[0]!;
  if (fallback) maxLeverage['*'] = fallback.maxLeverages[0]!;

  function bracketsOf(marketId: string): ResolvedBrackets {
    const b = table.get(marketId) ?? fallback;
    if (b === undefined) throw new RangeError(`binance: no leverage brackets for symbol '${marketId}' (known: ${known})`);
    return b;
  }
  const adlBrackets = bracketsOf(options.adlMarketId ?? 'BTCUSDT');

  return {
    specificationVersion: 'v1',
    venueId,
    capabilities: binanceCapabilities,
    limits: { maxLeverage, minPositionSizeBase: 0, collateralAssets },

    doValidatePosition(p: PositionCheckInputV1): VenueProblemV1[] {
      const problems: VenueProblemV1[] = [];
      const b = table.get(p.marketId) ?? fallback;
      if (b === undefined) {
        problems.push({ code: 'SCENARIO__UNKNOWN_TIER', field: 'marketId', value: p.marketId, context: { venue: venueId, known } });
      } else {
        const cap = b.maxLeverages[bracketIndex(b, p.sizeBase * p.entryPriceQuote)]!;
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
      return maintenanceMargin(bracketsOf(marketId), notionalQuote);
    },

    doPriceTriggers(input: PriceTriggerInputV1, out: PriceTriggersV1): void {
      out.liquidationPriceQuote = usdmLiquidationPrice(bracketsOf(input.marketId), {
        side: input.side, sizeBase: input.sizeBase, entryPriceQuote: input.entryPriceQuote, walletBalanceQuote: input.marginQuote,
      });
      out.bankruptcyPriceQuote = usdmBankruptcyPrice(input.side, input.sizeBase, input.entryPriceQuote, input.marginQuote);
    },

    doLiquidationOrder(input: LiquidationOrderInputV1, out: LiquidationOrderV1): void {
      decideLiquidationOrder(bracketsOf(input.marketId), feeRate, input, out);
    },

    doSettle(input: SettlementInputV1, out: SettlementV1): void {
      settleLiquidation(input, out);
    },

    doAdlScore(input: AdlCandidateInputV1): number {
      const pnl = input.side * input.sizeBase * (input.markPriceQuote - input.entryPriceQuote);
      const mm = maintenanceMargin(adlBrackets, input.sizeBase * input.markPriceQuote);
      return binanceAdlRanking({ unrealizedProfit: pnl, walletBalance: input.marginQuote, maintenanceMargin: mm }).leveragePnl;
    },
  };
}
