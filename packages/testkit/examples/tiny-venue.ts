// The venue built in docs/write-a-venue-plugin.md, kept here so the guide's code is compiled and tested.
// In a real plugin this is packages/venue-tiny/src split into small files (params, mechanics, engine, vectors).
import type {
  AdlCandidateInputV1,
  LiquidationEngineModelV1,
  LiquidationOrderInputV1,
  LiquidationOrderV1,
  PositionCheckInputV1,
  PriceTriggerInputV1,
  PriceTriggersV1,
  SettlementInputV1,
  SettlementV1,
  SideSign,
  VectorCaseV1,
  VectorHandlerV1,
  VenueCapabilitiesV1,
  VenueProblemV1,
} from '@firesale/spec';

/** One market of the tiny venue. */
export type TinyMarketParams = {
  /** Maintenance margin as a fraction of notional at mark. */
  readonly maintenanceMarginRate: number;
  /** Highest leverage a position may open with. */
  readonly maxLeverage: number;
};

/** The tiny venue's parameters, as data. */
export type TinyVenueParams = {
  readonly markets: Readonly<Record<string, TinyMarketParams>>;
  /** Liquidation fee as a fraction of the closed notional, capped at what is left of the margin. */
  readonly liquidationFeeRate: number;
  readonly minPositionSizeBase: number;
  readonly collateralAssets: readonly string[];
};

/** Published parameters (an invented venue; a real plugin cites its docs page or contract here). */
export const tinyVenueParams: TinyVenueParams = {
  markets: {
    'BTC-PERP': { maintenanceMarginRate: 0.005, maxLeverage: 50 },
    'ETH-PERP': { maintenanceMarginRate: 0.01, maxLeverage: 25 },
  },
  liquidationFeeRate: 0.0075,
  minPositionSizeBase: 0.0001,
  collateralAssets: ['USDC'],
};

/** What the tiny venue does: every key stated. */
export const tinyCapabilities = {
  partialLiquidation: false,
  tieredMargin: false,
  isolatedMargin: true,
  crossMargin: 'emulated',
  insuranceFund: true,
  autoDeleveraging: true,
  backstopVault: false,
  perStepLimits: false,
  lending: false,
} as const satisfies VenueCapabilitiesV1;

/**
 * Mark price at which equity `margin + side·size·(p − entry)` equals `mmr·size·p`:
 * `p = (entry·size − side·margin) / (size·(1 − side·mmr))`; 0 for a long that cannot be liquidated.
 */
export function tinyLiquidationPrice(side: SideSign, sizeBase: number, entryPriceQuote: number, marginQuote: number, mmr: number): number {
  const p = (entryPriceQuote * sizeBase - side * marginQuote) / (sizeBase * (1 - side * mmr));
  if (side === 1) return p > 0 ? p : 0;
  return p > 0 ? p : Infinity;
}

/** Mark price at which equity is zero: `entry − side·margin/size` (0 floor for longs). */
export function tinyBankruptcyPrice(side: SideSign, sizeBase: number, entryPriceQuote: number, marginQuote: number): number {
  return Math.max(entryPriceQuote - (side * marginQuote) / sizeBase, 0);
}

/** Options of {@link createTinyEngine}: override any parameter. */
export type TinyEngineOptions = Partial<TinyVenueParams>;

/** The tiny venue as a `LiquidationEngineModelV1`. */
export function createTinyEngine(options: TinyEngineOptions = {}): LiquidationEngineModelV1 {
  const params: TinyVenueParams = { ...tinyVenueParams, ...options };
  const venue = 'tiny';
  const market = (marketId: string): TinyMarketParams | undefined => params.markets[marketId];
  const maxLeverage = Object.fromEntries(Object.entries(params.markets).map(([id, m]) => [id, m.maxLeverage]));

  return {
    specificationVersion: 'v1',
    venueId: venue,
    capabilities: tinyCapabilities,
    limits: { maxLeverage, minPositionSizeBase: params.minPositionSizeBase, collateralAssets: params.collateralAssets },

    doValidatePosition(p: PositionCheckInputV1): VenueProblemV1[] {
      const problems: VenueProblemV1[] = [];
      const m = market(p.marketId);
      if (!m) {
        problems.push({ code: 'SCENARIO__UNKNOWN_TIER', field: 'marketId', value: p.marketId, context: { venue, known: Object.keys(params.markets).join(', ') } });
      } else if (p.leverage > m.maxLeverage) {
        problems.push({ code: 'SCENARIO__LEVERAGE_ABOVE_VENUE_MAX', field: 'leverage', value: p.leverage, context: { max: m.maxLeverage, venue } });
      }
      if (p.sizeBase < params.minPositionSizeBase) {
        problems.push({ code: 'SCENARIO__SIZE_BELOW_VENUE_MIN', field: 'sizeBase', value: p.sizeBase, context: { min: params.minPositionSizeBase, venue } });
      }
      for (const asset of p.collateralAssets) {
        if (!params.collateralAssets.includes(asset)) {
          problems.push({ code: 'SCENARIO__COLLATERAL_NOT_ACCEPTED', field: 'collateralAssets', value: asset, context: { venue, accepted: params.collateralAssets.join(', ') } });
        }
      }
      return problems;
    },

    doMaintenanceMargin(marketId: string, notionalQuote: number): number {
      return (market(marketId)?.maintenanceMarginRate ?? 0) * notionalQuote;
    },

    doPriceTriggers(input: PriceTriggerInputV1, out: PriceTriggersV1): void {
      const mmr = market(input.marketId)?.maintenanceMarginRate ?? 0;
      out.liquidationPriceQuote = tinyLiquidationPrice(input.side, input.sizeBase, input.entryPriceQuote, input.marginQuote, mmr);
      out.bankruptcyPriceQuote = tinyBankruptcyPrice(input.side, input.sizeBase, input.entryPriceQuote, input.marginQuote);
    },

    doLiquidationOrder(input: LiquidationOrderInputV1, out: LiquidationOrderV1): void {
      out.closeBase = input.sizeBase;
      out.route = 'market';
      out.limitPriceQuote = NaN;
      out.feeRate = params.liquidationFeeRate;
      out.cooldownSeconds = 0;
    },

    doSettle(input: SettlementInputV1, out: SettlementV1): void {
      const remaining = input.marginQuote + input.side * input.closedBase * (input.fillPriceQuote - input.entryPriceQuote);
      const fee = Math.min(input.feeRate * input.closedBase * input.fillPriceQuote, Math.max(remaining, 0));
      out.feeToFundQuote = fee;
      out.feeToLiquidatorQuote = 0;
      out.returnedToAccountQuote = Math.max(remaining - fee, 0);
      out.shortfallQuote = Math.max(-remaining, 0);
    },

    doAdlScore(input: AdlCandidateInputV1): number {
      const pnl = input.side * input.sizeBase * (input.markPriceQuote - input.entryPriceQuote);
      const equity = input.marginQuote + pnl;
      if (equity <= 0 || input.marginQuote <= 0) return -Infinity;
      return (pnl / input.marginQuote) * ((input.sizeBase * input.markPriceQuote) / equity);
    },
  };
}

/** Thrown by a vector handler for a case the venue rejects; `reason` is the venue's error name. */
export class VenueRuleError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'VenueRuleError';
  }
}

/** `firesale vectors` handlers: the cases of kind `tiny_liquidation_price` run through the real mechanics. */
export const vectorHandlers: readonly VectorHandlerV1[] = [
  {
    specificationVersion: 'v1',
    kind: 'tiny_liquidation_price',
    venue: 'tiny',
    run(testCase: VectorCaseV1) {
      const i = testCase.inputs as { market: string; side: SideSign; sizeBase: number; entryPriceQuote: number; marginQuote: number };
      const m = tinyVenueParams.markets[i.market];
      if (!m) throw new VenueRuleError('UnknownMarket');
      return {
        liquidationPriceQuote: tinyLiquidationPrice(i.side, i.sizeBase, i.entryPriceQuote, i.marginQuote, m.maintenanceMarginRate),
        bankruptcyPriceQuote: tinyBankruptcyPrice(i.side, i.sizeBase, i.entryPriceQuote, i.marginQuote),
      };
    },
  },
];
