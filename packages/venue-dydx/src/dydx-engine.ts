import type {
  AdlCandidateInputV1,
  AmountBase,
  AmountQuote,
  LiquidationEngineModelV1,
  LiquidationOrderInputV1,
  LiquidationOrderV1,
  PositionCheckInputV1,
  PriceTriggerInputV1,
  PriceTriggersV1,
  Seconds,
  SettlementInputV1,
  SettlementV1,
  VenueCapabilitiesV1,
  VenueProblemV1,
} from '@firesale/spec';
import {
  dydxLiquidationsConfigGenesis,
  dydxLiquidityTiers,
  dydxMarkets,
  type DydxMarketParams,
  type LiquidationsConfig,
} from './dydx-params';
import { insuranceFundDeltaQuote } from './insurance-fund-delta';
import { adjustedInitialMarginPpm, maintenanceMarginFraction, type LiquidityTier } from './liquidity-tier';
import { bankruptcyPrice, fillablePriceQuote, liquidatableSizeBase, liquidationPrice } from './liquidation-price';

/** Options of {@link createDydxEngine}; every field has a default from dYdX's published genesis. */
export type DydxEngineOptions = {
  /** Venue id reported in events (default `dydx`). */
  venueId?: string;
  /** Liquidity tiers (default {@link dydxLiquidityTiers}). */
  liquidityTiers?: readonly LiquidityTier[];
  /** Markets by id with their tier (default {@link dydxMarkets}); a `'*'` entry applies to any other market. */
  markets?: Readonly<Record<string, DydxMarketParams>>;
  /** Liquidations config (default {@link dydxLiquidationsConfigGenesis}). */
  liquidationsConfig?: LiquidationsConfig;
  /**
   * Seconds per block (default 1). dYdX liquidates a subaccount's position at most once per block, so a partly
   * liquidated position waits this long before the next part.
   */
  blockTimeSeconds?: Seconds;
  /** Collateral assets accepted (default `['USDC']`: dYdX v4 margins in USDC only). */
  collateralAssets?: readonly string[];
};

/** What dYdX v4's liquidation engine does. */
export const dydxCapabilities = {
  partialLiquidation: true,
  tieredMargin: false,
  isolatedMargin: true,
  crossMargin: true,
  insuranceFund: true,
  autoDeleveraging: true,
  backstopVault: false,
  perStepLimits: true,
  lending: false,
} as const satisfies VenueCapabilitiesV1;

const QUOTE_QUANTUMS_PER_USDC = 1e6;

type ResolvedMarket = {
  readonly tier: LiquidityTier;
  readonly mmf: number;
  readonly maxLeverage: number;
  readonly stepSizeBase: number;
  readonly tickSizeQuote: number;
  readonly openInterestQuote: number;
};

/**
 * Market ids are matched as given, then upper-cased with common suffixes mapped to dYdX's `-USD`
 * (`btc`, `BTC-PERP`, `BTCUSD`, `BTC-USDC` all resolve to `BTC-USD`).
 */
function marketKeys(marketId: string): string[] {
  const upper = marketId.trim().toUpperCase();
  const base = upper.replace(/[-_/]?PERP$/u, '').replace(/[-_/]?(USDC|USDT|USD)$/u, '');
  return [marketId, upper, `${base}-USD`];
}

/**
 * dYdX v4 (v4-chain) as a firesale venue: liquidity tiers as margin data, the fillable price as the liquidation
 * order's limit, per-block position and subaccount limits on the size closed, the insurance fund delta rule in
 * settlement, and deleveraging of opposite positions when the fund cannot pay. Prices and margins here are
 * plain numbers; the exact integer rules (quantums, subticks, ppm rounding) are the package's BigInt functions,
 * which the vectors test.
 *
 * @example
 * ```ts
 * const dydx = createDydxEngine({ blockTimeSeconds: 1.1 });
 * dydx.doMaintenanceMargin('BTC-USD', 1_000_000); // 12_000 (Large-Cap: 2% IMF x 60%)
 * ```
 */
export function createDydxEngine(options: DydxEngineOptions = {}): LiquidationEngineModelV1 {
  const venueId = options.venueId ?? 'dydx';
  const tiers = options.liquidityTiers ?? dydxLiquidityTiers;
  const marketParams = options.markets ?? dydxMarkets;
  const config = options.liquidationsConfig ?? dydxLiquidationsConfigGenesis;
  const blockTimeSeconds = options.blockTimeSeconds ?? 1;
  const collateralAssets = options.collateralAssets ?? ['USDC'];
  const acceptsAny = collateralAssets.includes('*');

  const tierById = new Map<number, LiquidityTier>();
  for (const t of tiers) tierById.set(t.id, t);
  const resolved = new Map<string, ResolvedMarket>();
  const maxLeverage: Record<string, number> = {};
  for (const [id, m] of Object.entries(marketParams)) {
    const tier = tierById.get(m.liquidityTierId);
    if (!tier) throw new RangeError(`dydx: market ${id} refers to unknown liquidity tier ${m.liquidityTierId}`);
    const r: ResolvedMarket = {
      tier,
      mmf: maintenanceMarginFraction(tier),
      maxLeverage: 1_000_000 / tier.initialMarginPpm,
      stepSizeBase: m.stepSizeBase ?? 0,
      tickSizeQuote: m.tickSizeQuote ?? 0,
      openInterestQuote: m.openInterestQuote ?? 0,
    };
    resolved.set(id, r);
    maxLeverage[id] = r.maxLeverage;
  }
  const knownMarkets = Object.keys(marketParams).join(', ');

  const cache = new Map<string, ResolvedMarket | undefined>();
  function find(marketId: string): ResolvedMarket | undefined {
    if (cache.has(marketId)) return cache.get(marketId);
    let found: ResolvedMarket | undefined;
    for (const key of marketKeys(marketId)) {
      found = resolved.get(key);
      if (found) break;
    }
    found ??= resolved.get('*');
    cache.set(marketId, found);
    return found;
  }
  function market(marketId: string): ResolvedMarket {
    const m = find(marketId);
    if (!m) throw new RangeError(`dydx: unknown market ${marketId}; known markets: ${knownMarkets}`);
    return m;
  }

  const feeRate = config.maxLiquidationFeePpm / 1_000_000;
  const bankruptcyAdjustment = config.fillablePriceConfig.bankruptcyAdjustmentPpm / 1_000_000;
  const spreadRatio = config.fillablePriceConfig.spreadToMaintenanceMarginRatioPpm / 1_000_000;
  const minPositionNotionalQuote = Number(config.positionBlockLimits.minPositionNotionalLiquidated) / QUOTE_QUANTUMS_PER_USDC;
  const maxPositionPortion = config.positionBlockLimits.maxPositionPortionLiquidatedPpm / 1_000_000;
  const maxSubaccountNotionalQuote = Number(config.subaccountBlockLimits.maxNotionalLiquidated) / QUOTE_QUANTUMS_PER_USDC;

  return {
    specificationVersion: 'v1',
    venueId,
    capabilities: dydxCapabilities,
    limits: { maxLeverage, minPositionSizeBase: 0, collateralAssets },

    doValidatePosition(p: PositionCheckInputV1): VenueProblemV1[] {
      const problems: VenueProblemV1[] = [];
      const m = find(p.marketId);
      if (!m) {
        problems.push({ code: 'SCENARIO__UNKNOWN_TIER', field: 'marketId', value: p.marketId, context: { venue: venueId, known: knownMarkets } });
      } else {
        // The OI-adjusted IMF caps leverage when the market's open interest is given (liquidity_tier.go).
        const oiQuantums = BigInt(Math.round(m.openInterestQuote * QUOTE_QUANTUMS_PER_USDC));
        const imfPpm = Number(adjustedInitialMarginPpm(m.tier, oiQuantums));
        const cap = 1_000_000 / imfPpm;
        if (p.leverage > cap) {
          problems.push({ code: 'SCENARIO__LEVERAGE_ABOVE_VENUE_MAX', field: 'leverage', value: p.leverage, context: { max: cap, venue: venueId } });
        }
        if (p.sizeBase < m.stepSizeBase) {
          problems.push({ code: 'SCENARIO__SIZE_BELOW_VENUE_MIN', field: 'sizeBase', value: p.sizeBase, context: { min: m.stepSizeBase, venue: venueId } });
        }
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
      return Math.abs(notionalQuote) * market(marketId).mmf;
    },

    doPriceTriggers(input: PriceTriggerInputV1, out: PriceTriggersV1): void {
      const mmf = market(input.marketId).mmf;
      out.liquidationPriceQuote = liquidationPrice(input.side, input.sizeBase, input.entryPriceQuote, input.marginQuote, mmf);
      out.bankruptcyPriceQuote = bankruptcyPrice(input.side, input.sizeBase, input.entryPriceQuote, input.marginQuote);
    },

    doLiquidationOrder(input: LiquidationOrderInputV1, out: LiquidationOrderV1): void {
      const m = market(input.marketId);
      out.route = 'market';
      out.feeRate = feeRate;
      out.cooldownSeconds = blockTimeSeconds;
      if (input.secondsSinceLastLiquidation < blockTimeSeconds) {
        // One liquidation per subaccount and perpetual per block (ErrSubaccountHasLiquidatedPerpetual).
        out.closeBase = 0;
      } else {
        out.closeBase = liquidatableSizeBase(
          input.sizeBase,
          input.markPriceQuote,
          minPositionNotionalQuote,
          maxPositionPortion,
          maxSubaccountNotionalQuote,
          m.stepSizeBase,
        );
      }
      let limit = fillablePriceQuote(
        input.side,
        input.markPriceQuote,
        input.equityQuote,
        input.maintenanceMarginQuote,
        m.mmf,
        bankruptcyAdjustment,
        spreadRatio,
      );
      if (m.tickSizeQuote > 0) {
        // Sells (closing longs) round up to the tick, buys round down (ConvertFillablePriceToSubticks).
        const ticks = limit / m.tickSizeQuote;
        limit = (input.side === 1 ? Math.ceil(ticks - 1e-9) : Math.floor(ticks + 1e-9)) * m.tickSizeQuote;
        limit = Math.max(limit, m.tickSizeQuote);
      }
      out.limitPriceQuote = limit;
    },

    doSettle(input: SettlementInputV1, out: SettlementV1): void {
      settleDydx(input, out);
    },

    doAdlScore(input: AdlCandidateInputV1): number {
      return dydxAdlScore(input);
    },
  };
}

/**
 * Settlement of one liquidation fill with dYdX's insurance fund delta rule (`liquidations.go`
 * GetLiquidationInsuranceFundDelta): the closed part leaves `remaining = margin + pnl` above its bankruptcy
 * value; when positive, the fund takes `min(feeRate * fill notional, remaining)` and the rest stays with the
 * account; otherwise the fund covers `-remaining` (the shortfall). dYdX pays no fee to the liquidator (the maker
 * earns the spread of the fillable price instead).
 */
export function settleDydx(input: SettlementInputV1, out: SettlementV1): void {
  const fillNotional: AmountQuote = input.closedBase * input.fillPriceQuote;
  const pnl = input.side * input.closedBase * (input.fillPriceQuote - input.entryPriceQuote);
  const remaining = input.marginQuote + pnl;
  const delta = insuranceFundDeltaQuote(remaining, fillNotional, input.feeRate);
  out.feeToLiquidatorQuote = 0;
  if (remaining > 0) {
    out.feeToFundQuote = delta;
    out.returnedToAccountQuote = remaining - delta;
    out.shortfallQuote = 0;
  } else {
    out.feeToFundQuote = 0;
    out.returnedToAccountQuote = 0;
    out.shortfallQuote = -delta;
  }
}

/**
 * Deleveraging order. dYdX does not rank offsetting positions: it walks the subaccounts holding the opposite
 * side from a pseudo-random start (`deleveraging.go` OffsetSubaccountPerpetualPosition), and a candidate whose
 * collateral check fails is skipped. Every candidate with non-negative equity at mark therefore scores 1 (the
 * engine's own order breaks the tie); one with negative equity, which fails the check, scores -Infinity.
 */
export function dydxAdlScore(input: AdlCandidateInputV1): number {
  const size: AmountBase = input.sizeBase;
  const equity = input.marginQuote + input.side * size * (input.markPriceQuote - input.entryPriceQuote);
  return equity >= 0 ? 1 : -Infinity;
}
