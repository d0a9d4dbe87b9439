import { describe, expect, it } from 'vitest';
import type { PriceTriggersV1, SettlementV1 } from '@firesale/spec';
import {
  createGmxEngine,
  gmxBaseMarketParams,
  isPositionLiquidatable,
  parseDecimal,
  tokenPrice,
  USD_DECIMALS,
  type GmxMarketParams,
} from '@firesale/venue-gmx';

const gmx = createGmxEngine();

/** The exact liquidatable check for a USDC-collateral position at index price `price`. */
function liquidatableAt(params: GmxMarketParams, isLong: boolean, sizeTokens: number, entry: number, collateralUsdc: number, price: number): boolean {
  const usd = (x: number) => parseDecimal(x.toFixed(12), USD_DECIMALS);
  const index = tokenPrice(price.toFixed(12), 18);
  return isPositionLiquidatable({
    position: { isLong, sizeInUsd: usd(sizeTokens * entry), sizeInTokens: parseDecimal(sizeTokens, 18), collateralAmount: parseDecimal(collateralUsdc, 6) },
    indexTokenPrice: { min: index, max: index },
    collateralTokenPrice: { min: tokenPrice(1, 6), max: tokenPrice(1, 6) },
    params: {
      minCollateralFactorForLiquidation: usd(params.minCollateralFactorForLiquidation),
      minCollateralUsd: usd(params.minCollateralUsd),
      maxPositionImpactFactorForLiquidations: usd(params.maxPositionImpactFactorForLiquidations),
      positionFeeFactor: usd(params.positionFeeFactorForNegativeImpact),
    },
  }).liquidatable;
}

describe('createGmxEngine', () => {
  it('states every capability; max leverage is 1 / minCollateralFactor', () => {
    expect(gmx.venueId).toBe('gmx-v2');
    expect(Object.keys(gmx.capabilities)).toHaveLength(9);
    expect(gmx.limits.maxLeverage['*']).toBe(100);
  });

  it('doPriceTriggers gives the price where the exact liquidatable check flips', () => {
    const out: PriceTriggersV1 = { liquidationPriceQuote: 0, bankruptcyPriceQuote: 0 };
    for (const side of [1, -1] as const) {
      gmx.doPriceTriggers({ marketId: 'ETH/USD', side, sizeBase: 10, entryPriceQuote: 3000, marginQuote: 1500 }, out);
      const lp = out.liquidationPriceQuote;
      expect(side * (3000 - lp)).toBeGreaterThan(0);
      expect(liquidatableAt(gmxBaseMarketParams, side === 1, 10, 3000, 1500, lp * (1 - side * 1e-6))).toBe(true);
      expect(liquidatableAt(gmxBaseMarketParams, side === 1, 10, 3000, 1500, lp * (1 + side * 1e-6))).toBe(false);
      expect(out.bankruptcyPriceQuote).toBe(3000 - side * 150);
    }
  });

  it('maintenance margin is the liquidation threshold plus close fee', () => {
    expect(gmx.doMaintenanceMargin('ETH/USD', 100_000)).toBeCloseTo(1000 + 60, 9);
    expect(gmx.doMaintenanceMargin('ETH/USD', 50)).toBeCloseTo(1 + 0.03, 12); // the 1 USD floor
  });

  it('closes the whole position against the pool with close plus liquidation fee', () => {
    const out = { closeBase: 0, route: 'market' as const, limitPriceQuote: 0, feeRate: 0, cooldownSeconds: 0 };
    gmx.doLiquidationOrder({ marketId: 'ETH/USD', side: 1, sizeBase: 2, entryPriceQuote: 3000, marginQuote: 100, markPriceQuote: 2960, bankruptcyPriceQuote: 2950, equityQuote: 20, maintenanceMarginQuote: 60, secondsSinceLastLiquidation: Infinity, insuranceFundQuote: 0 }, out);
    expect(out).toEqual({ closeBase: 2, route: 'backstop', limitPriceQuote: NaN, feeRate: 0.0026, cooldownSeconds: 0 });
  });

  it('doSettle balances', () => {
    const out: SettlementV1 = { feeToFundQuote: 0, feeToLiquidatorQuote: 0, returnedToAccountQuote: 0, shortfallQuote: 0 };
    for (const fill of [2990, 2955, 2900]) {
      const input = { side: 1 as const, closedBase: 2, entryPriceQuote: 3000, fillPriceQuote: fill, marginQuote: 100, feeRate: 0.0026 };
      gmx.doSettle(input, out);
      expect(out.feeToFundQuote + out.feeToLiquidatorQuote + out.returnedToAccountQuote - out.shortfallQuote).toBeCloseTo(100 + 2 * (fill - 3000), 9);
    }
  });

  it('returns problems as data', () => {
    const p = { marketId: 'ETH/USD', side: 1 as const, sizeBase: 1, entryPriceQuote: 3000, leverage: 101, marginMode: 'isolated' as const, collateralAssets: ['DAI'] };
    expect(gmx.doValidatePosition(p).map((x) => x.code)).toEqual(['SCENARIO__LEVERAGE_ABOVE_VENUE_MAX', 'SCENARIO__COLLATERAL_NOT_ACCEPTED']);
    const only = createGmxEngine({ markets: { 'ETH/USD': gmxBaseMarketParams }, minPositionSizeBase: 2 });
    expect(only.doValidatePosition({ ...p, marketId: 'DOGE/USD', leverage: 2, collateralAssets: ['USDC'] }).map((x) => x.code)).toEqual([
      'SCENARIO__UNKNOWN_TIER', 'SCENARIO__SIZE_BELOW_VENUE_MIN',
    ]);
  });
});

describe('isPositionLiquidatable', () => {
  it('caps negative price impact and ignores positive impact', () => {
    const usd = (x: number) => parseDecimal(x, USD_DECIMALS);
    const base = {
      position: { isLong: true, sizeInUsd: usd(10_000), sizeInTokens: parseDecimal(5, 18), collateralAmount: parseDecimal(200, 6) },
      indexTokenPrice: { min: tokenPrice(2000, 18), max: tokenPrice(2000, 18) },
      collateralTokenPrice: { min: tokenPrice(1, 6), max: tokenPrice(1, 6) },
      params: { minCollateralFactorForLiquidation: usd(0.01), minCollateralUsd: usd(1), maxPositionImpactFactorForLiquidations: usd(0.005), positionFeeFactor: 0n },
    };
    expect(isPositionLiquidatable({ ...base, priceImpactUsd: usd(500) }).remainingCollateralUsd).toBe(usd(200));
    const capped = isPositionLiquidatable({ ...base, priceImpactUsd: usd(-500) });
    expect(capped.remainingCollateralUsd).toBe(usd(150));
    expect(capped.liquidatable).toBe(false);
    expect(isPositionLiquidatable({ ...base, indexTokenPrice: { min: tokenPrice(1980, 18), max: tokenPrice(1980, 18) }, priceImpactUsd: usd(-500) })).toMatchObject({
      liquidatable: true, reason: 'remaining < minCollateralUsdForLeverage', venueReason: 'min collateral for leverage',
    });
  });
});
