import { createLinearBook } from '@firesale/orderbook';
import { createGenericEngine } from '@firesale/venue-generic';
import { describe, expect, it } from 'vitest';
import { PositionTable, createSimulator } from '../src';

describe('Simulator.liquidationPrices', () => {
  const engine = createGenericEngine({ maintenanceMarginRate: 0.01, liquidationFeeRate: 0, maxLeverage: 1e9 });
  const plugin = (side: 1 | -1, sizeBase: number, entryPriceQuote: number, marginQuote: number): number => {
    const out = { liquidationPriceQuote: 0, bankruptcyPriceQuote: 0 };
    engine.doPriceTriggers({ marketId: 'X-PERP', side, sizeBase, entryPriceQuote, marginQuote }, out);
    return out.liquidationPriceQuote;
  };
  const build = () => {
    const positions = new PositionTable(8);
    positions.add(0, 0, 1, 2, 100, 20); // isolated long
    positions.add(1, 0, -1, 1, 100, 5); // isolated short
    positions.add(2, 0, 1, 1, 100, 0); // the only position of a cross account holding 30 in quote
    positions.add(3, 0, 1, 1, 100, 0); // two positions of one cross account: checked as an account
    positions.add(3, 0, -1, 1, 100, 0);
    positions.add(4, 0, 1, 1, 100, 200); // a long that no positive price liquidates
    return createSimulator({
      markets: [{ marketId: 'X-PERP', venueId: 'generic', baseAsset: 'X', book: createLinearBook({ midPriceQuote: 100, depthBasePerQuote: 1 }) }],
      venues: [{ engine, insuranceFundQuote: 0 }],
      accounts: [
        { accountId: 'isolated-long', marginMode: 'isolated', collateral: [] },
        { accountId: 'isolated-short', marginMode: 'isolated', collateral: [] },
        { accountId: 'cross-one', marginMode: 'cross', collateral: [{ asset: 'USD', amount: 30 }] },
        { accountId: 'cross-two', marginMode: 'cross', collateral: [{ asset: 'USD', amount: 50 }] },
        { accountId: 'overcollateralised', marginMode: 'isolated', collateral: [] },
      ],
      positions,
    });
  };

  it("gives each indexed position its venue's price, with the margin the simulator set, and NaN for the rest", () => {
    const prices = build().liquidationPrices();
    expect(prices).toHaveLength(6);
    expect(prices[0]).toBe(plugin(1, 2, 100, 20));
    expect(prices[1]).toBe(plugin(-1, 1, 100, 5));
    expect(prices[2]).toBe(plugin(1, 1, 100, 30));
    expect(prices[3]).toBeNaN();
    expect(prices[4]).toBeNaN();
    expect(prices[5]).toBeNaN();
    // Where equity meets maintenance: 20 + 2 (P - 100) = 0.01 * 2 P.
    expect(prices[0]).toBeCloseTo(180 / 1.98, 9);
  });

  it('returns a copy: changing it changes no run', () => {
    const simulator = build();
    const before = simulator.run({ shocks: [{ marketId: 'X-PERP', returnFraction: -0.2 }] });
    simulator.liquidationPrices().fill(0);
    expect(simulator.run({ shocks: [{ marketId: 'X-PERP', returnFraction: -0.2 }] })).toEqual(before);
  });
});
