import { describe, expect, it } from 'vitest';
import type { LiquidationOrderInputV1, LiquidationOrderV1, SettlementV1 } from '@firesale/spec';
import {
  adlScore,
  createHyperliquidEngine,
  flatMarginTable,
  hyperliquidParams,
  liquidationPrice,
  liquidationPriceAtMaxLeverage,
  maintenanceMargin,
  resolveMarginTable,
} from '../src/index';

const engine = createHyperliquidEngine({ defaultMaxLeverage: 20 });

function order(overrides: Partial<LiquidationOrderInputV1>): LiquidationOrderV1 {
  const input: LiquidationOrderInputV1 = {
    marketId: 'ETH', side: 1, sizeBase: 10, entryPriceQuote: 2000, marginQuote: 800, markPriceQuote: 1925,
    bankruptcyPriceQuote: 1920, equityQuote: 50, maintenanceMarginQuote: 60, secondsSinceLastLiquidation: Infinity,
    insuranceFundQuote: 0, ...overrides,
  };
  const out: LiquidationOrderV1 = { closeBase: -1, route: 'market', limitPriceQuote: 0, feeRate: -1, cooldownSeconds: -1 };
  engine.doLiquidationOrder(input, out);
  return out;
}

describe('margin tables', () => {
  it('derives maintenance rate and deduction (docs: half the initial margin at max leverage, continuous)', () => {
    const btc = resolveMarginTable(hyperliquidParams.marginTables['BTC']!);
    expect(Array.from(btc.maintenanceRates)).toEqual([0.0125, 0.025]);
    expect(btc.deductionsQuote[1]).toBeCloseTo(150_000_000 * 0.0125, 6);
    const below = maintenanceMargin(btc, 150_000_000 - 1e-3);
    const at = maintenanceMargin(btc, 150_000_000);
    expect(at - below).toBeLessThan(1e-3);
  });

  it('reduces to the documented single-leverage formula for one tier', () => {
    for (const [side, margin] of [[1, 300], [-1, 300], [1, 5_000], [-1, 20]] as const) {
      const a = liquidationPrice(flatMarginTable(25), side, 2, 2500, margin);
      const b = liquidationPriceAtMaxLeverage(side, 2, 2500, margin, 25);
      expect(a).toBeCloseTo(b, 8);
    }
  });

  it('a liquidation price whose notional lands exactly on a tier bound is found (both tiers solve it)', () => {
    // Rounding put each tier's solution a hair outside its own range, so none qualified (0 / Infinity).
    const eth = resolveMarginTable([{ lowerBoundQuote: 0, maxLeverage: 25 }, { lowerBoundQuote: 100_000_000, maxLeverage: 15 }]);
    expect(liquidationPrice(eth, -1, 20_000, 4_600, 10_000_000)).toBeCloseTo(5_000, 6);
    const op = resolveMarginTable([{ lowerBoundQuote: 0, maxLeverage: 10 }, { lowerBoundQuote: 3_000_000, maxLeverage: 5 }]);
    expect(liquidationPrice(op, 1, 3, 1_050_000, 300_000)).toBeCloseTo(1_000_000, 3);
  });

  it('solves across tiers: equity equals maintenance margin at the liquidation price', () => {
    const btc = resolveMarginTable(hyperliquidParams.marginTables['BTC']!);
    const size = 3000;
    const entry = 100_000;
    const margin = 30_000_000;
    const p = liquidationPrice(btc, 1, size, entry, margin);
    expect(p).toBeGreaterThan(0);
    const equity = margin + size * (p - entry);
    expect(equity).toBeCloseTo(maintenanceMargin(btc, size * p), 3);
  });
});

describe('createHyperliquidEngine', () => {
  it('doPriceTriggers agrees with the vector-tested liquidation price', () => {
    const out = { liquidationPriceQuote: 0, bankruptcyPriceQuote: 0 };
    engine.doPriceTriggers({ marketId: 'ETH', side: -1, sizeBase: 0.019, entryPriceQuote: 2642.8, marginQuote: 25.091876 }, out);
    const table = resolveMarginTable(hyperliquidParams.marginTables['ETH']!);
    expect(out.liquidationPriceQuote).toBe(liquidationPrice(table, -1, 0.019, 2642.8, 25.091876));
    expect(out.bankruptcyPriceQuote).toBeCloseTo(2642.8 + 25.091876 / 0.019, 9);
  });

  it('gives 0 / Infinity when a position cannot be liquidated', () => {
    const out = { liquidationPriceQuote: -1, bankruptcyPriceQuote: -1 };
    engine.doPriceTriggers({ marketId: 'BTC', side: 1, sizeBase: 1, entryPriceQuote: 100, marginQuote: 200 }, out);
    expect(out.liquidationPriceQuote).toBe(0);
    expect(out.bankruptcyPriceQuote).toBe(0);
  });

  it('partially liquidates large positions, waits out the cooldown, then closes the rest', () => {
    const first = order({ sizeBase: 100, markPriceQuote: 2000 });
    expect(first).toMatchObject({ route: 'market', closeBase: 20, cooldownSeconds: 30, feeRate: 0 });
    expect(order({ sizeBase: 80, markPriceQuote: 2000, secondsSinceLastLiquidation: 10 })).toMatchObject({ closeBase: 0, cooldownSeconds: 20 });
    expect(order({ sizeBase: 80, markPriceQuote: 2000, secondsSinceLastLiquidation: 30 })).toMatchObject({ closeBase: 80 });
    expect(order({ sizeBase: 10, markPriceQuote: 2000 })).toMatchObject({ closeBase: 10, route: 'market' });
  });

  it('routes to the liquidator vault below 2/3 of maintenance margin', () => {
    const out = order({ sizeBase: 100, equityQuote: 39, maintenanceMarginQuote: 60 });
    expect(out.route).toBe('backstop');
    expect(out.closeBase).toBe(100);
    expect(Number.isNaN(out.limitPriceQuote)).toBe(true);
  });

  it('settles in balance: book liquidation returns the rest, backstop keeps it for the vault', () => {
    const cases = [
      { side: 1 as const, closedBase: 2, entryPriceQuote: 100, fillPriceQuote: 95, marginQuote: 20, feeRate: 0 },
      { side: 1 as const, closedBase: 2, entryPriceQuote: 100, fillPriceQuote: 95, marginQuote: 20, feeRate: 1 },
      { side: -1 as const, closedBase: 2, entryPriceQuote: 100, fillPriceQuote: 115, marginQuote: 20, feeRate: 0 },
    ];
    const out: SettlementV1 = { feeToFundQuote: 0, feeToLiquidatorQuote: 0, returnedToAccountQuote: 0, shortfallQuote: 0 };
    for (const s of cases) {
      engine.doSettle(s, out);
      const pnl = s.side * s.closedBase * (s.fillPriceQuote - s.entryPriceQuote);
      expect(out.feeToFundQuote + out.feeToLiquidatorQuote + out.returnedToAccountQuote - out.shortfallQuote).toBeCloseTo(s.marginQuote + pnl, 12);
    }
    engine.doSettle(cases[1]!, out);
    expect(out).toMatchObject({ feeToLiquidatorQuote: 10, returnedToAccountQuote: 0 });
    engine.doSettle(cases[2]!, out);
    expect(out.shortfallQuote).toBeCloseTo(10, 12);
  });

  it('ranks by (mark / entry) x (notional / account value)', () => {
    const base = { side: 1 as const, sizeBase: 1, entryPriceQuote: 100, marginQuote: 10, markPriceQuote: 120 };
    expect(adlScore(base)).toBeCloseTo(1.2 * (120 / 30), 12);
    // same account value (30), more profit first
    expect(adlScore(base)).toBeGreaterThan(adlScore({ ...base, markPriceQuote: 110, marginQuote: 20 }));
    expect(adlScore(base)).toBeGreaterThan(adlScore({ ...base, marginQuote: 50 }));
    // a short 20% in profit: (1 + 0.2) x 80 / 30
    expect(engine.doAdlScore({ ...base, side: -1, markPriceQuote: 80 })).toBeCloseTo(1.2 * (80 / 30), 12);
    expect(engine.doAdlScore({ ...base, side: -1, markPriceQuote: 80 })).toBeGreaterThan(engine.doAdlScore({ ...base, side: -1, markPriceQuote: 80, marginQuote: 20 }));
  });

  it('reports limits as problems', () => {
    const strict = createHyperliquidEngine();
    const base = { marketId: 'BTC', side: 1 as const, sizeBase: 1, entryPriceQuote: 100_000, leverage: 10, marginMode: 'cross' as const, collateralAssets: ['USDC'] };
    expect(strict.doValidatePosition(base)).toEqual([]);
    expect(strict.doValidatePosition({ ...base, leverage: 41 })[0]).toMatchObject({ code: 'SCENARIO__LEVERAGE_ABOVE_VENUE_MAX', field: 'leverage', context: { max: 40, venue: 'hyperliquid' } });
    expect(strict.doValidatePosition({ ...base, sizeBase: 2000, leverage: 25 })[0]).toMatchObject({ context: { max: 20 } });
    expect(strict.doValidatePosition({ ...base, collateralAssets: ['USDT'] })[0]).toMatchObject({ code: 'SCENARIO__COLLATERAL_NOT_ACCEPTED', field: 'collateralAssets' });
    expect(strict.doValidatePosition({ ...base, marketId: 'NOPE' })[0]).toMatchObject({ code: 'SCENARIO__UNKNOWN_TIER', field: 'marketId' });
    expect(() => strict.doMaintenanceMargin('NOPE', 1)).toThrow(/no margin table/);
    expect(strict.limits.maxLeverage['BTC']).toBe(40);
    expect(strict.capabilities.backstopVault).toBe(true);
  });
});
