import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { spiralThreshold } from '@firesale/contagion';
import { aaveV3TestListing } from '@firesale/venue-aave';
import { FiresaleErrors, prepareScenario, run } from '../src';
import { loadScenarioFile } from '../src/node';

const example = (name: string) => loadScenarioFile(new URL(`../../../examples/${name}.json`, import.meta.url).pathname);

describe('contagion examples', () => {
  it('a CEX crash ends in bad debt on a lending protocol that never saw the shock, with every amount accounted for', () => {
    const report = run(example('contagion-cex-dex-lending'), { checkInvariants: true });
    const [perp, pool] = report.markets;
    expect(perp!.exogenousMoveFraction).toBeCloseTo(0.1, 9);
    expect(pool!.exogenousMoveFraction).toBe(0);
    expect(pool!.liquidatedCount).toBeGreaterThan(0);
    expect(report.arbitrage[0]!.movedBase).toBeGreaterThan(0);
    const lender = report.insuranceFunds.find((f) => f.venueId === 'lender')!;
    expect(lender.badDebtQuote).toBeGreaterThan(0);
    const total = report.insuranceFunds.reduce((sum, f) => sum + f.badDebtQuote, 0);
    expect(total).toBeCloseTo(report.summary.badDebtQuote, 3);
  });

  it('a lending oracle lagging the pool it liquidates into leaves bad debt that a prompt oracle does not', () => {
    const lagging = run(example('oracle-lag-lending'), { checkInvariants: true });
    const prompt = run(example('oracle-prompt-lending'), { checkInvariants: true });
    expect(lagging.summary.badDebtQuote).toBeGreaterThan(0);
    expect(prompt.summary.badDebtQuote).toBe(0);
    expect(lagging.summary.liquidatedPositions).toBeGreaterThan(prompt.summary.liquidatedPositions);
  });

  it('collateral valued from the venue\'s own thin book liquidates accounts that an external oracle keeps', () => {
    const ownBook = run(example('depeg-own-book'), { checkInvariants: true });
    const external = run(example('depeg-external-oracle'), { checkInvariants: true });
    expect(ownBook.summary.liquidatedPositions).toBeGreaterThan(10 * Math.max(1, external.summary.liquidatedPositions));
    expect(ownBook.markets[1]!.troughPriceQuote).toBeCloseTo(0.5, 6);
    expect(external.markets[1]!.troughPriceQuote).toBeCloseTo(0.5, 6);
  });
});

describe('cross-asset collateral', () => {
  // A cross account backs a BTC perp with ETH collateral (ETH 10 x 10 = $100 at mark); a 50% fall of ETH alone, on
  // its own market, lowers the collateral of the BTC position. Maintenance: 2% of $2,000 = $40.
  const scenario = (haircut: number) => ({
    name: 'ETH collateral behind a BTC perp',
    seed: 1,
    timing: { stepSeconds: 1, durationSeconds: 60 },
    venues: [{ id: 'cex', model: 'generic', params: { maintenanceMarginRate: 0.02, maxLeverage: 50 }, insuranceFundQuote: 1000 }],
    markets: [
      { id: 'BTC-PERP', venue: 'cex', baseAsset: 'BTC', initialPriceQuote: 100, book: { model: 'linear', depthBasePerQuote: 1e6 } },
      { id: 'ETH', venue: 'cex', baseAsset: 'ETH', initialPriceQuote: 10, book: { model: 'linear', depthBasePerQuote: 1e6 } },
    ],
    accounts: [{ id: 'a', marginMode: 'cross', collateral: [{ asset: 'ETH', amount: 10, haircut }] }],
    positions: [{ account: 'a', market: 'BTC-PERP', side: 'long', sizeBase: 20, entryPriceQuote: 100, leverage: 20 }],
    shocks: [{ market: 'ETH', returnPct: -50, overSeconds: 10 }],
  });

  it("a fall in the collateral's market liquidates a position in another market once the haircut leaves too little", () => {
    // No haircut: $50 of collateral after the fall still covers $40 of maintenance.
    const full = run(scenario(0), { checkInvariants: true });
    expect(full.summary.liquidations).toBe(0);
    // Haircut 50%: $50 counts at the start (healthy), $25 after the fall: below maintenance.
    const cut = run(scenario(0.5), { checkInvariants: true });
    const btc = cut.markets.find((m) => m.marketId === 'BTC-PERP')!;
    expect(btc.exogenousMoveFraction).toBe(0);
    expect(btc.liquidatedCount).toBeGreaterThan(0);
    expect(cut.liquidations.every((l) => l.marketId === 'BTC-PERP')).toBe(true);
  });
});

describe('lending spiral threshold in the engine', () => {
  // One Aave v3 loan (WETH collateral, quote debt; the test listing's 5% bonus): the price gaps 20% at once, so the
  // loan is liquidated at LTV = debt / 80 in full (health factor below 0.95). The analytic threshold says the
  // liquidation leaves the loan solvent only while LTV < 1 / (1 + LI) = 95.24% (vectors/containment-contagion.json
  // spiral_threshold; @firesale/contagion spiralThreshold); above it the bonus outgrows the collateral.
  const { ltvThreshold } = spiralThreshold(aaveV3TestListing.reserves.WETH!.liquidationBonusBps / 10_000 - 1);
  const loan = (ltvAfterGap: number) => {
    const debt = ltvAfterGap * 80;
    return {
      name: 'one Aave loan through a 20% gap',
      timing: { stepSeconds: 1, durationSeconds: 30, oracleDelaySeconds: 0 },
      venues: [{ id: 'aave', model: 'aave', insuranceFundQuote: 0 }],
      markets: [{ id: 'ETH', venue: 'aave', baseAsset: 'ETH', initialPriceQuote: 100, book: { model: 'linear', depthBasePerQuote: 1e9 } }],
      positions: [{ account: 'borrower', market: 'ETH', side: 'long', sizeBase: 1, entryPriceQuote: 100, marginQuote: 100 - debt }],
      shocks: [{ market: 'ETH', returnPct: -20, overSeconds: 0 }],
    };
  };

  it('leaves a shortfall exactly when the LTV at liquidation is above 1 / (1 + LI), of debt - collateral / (1 + LI)', () => {
    const li = 1 / ltvThreshold - 1;
    expect(ltvThreshold).toBeCloseTo(0.95238, 5);
    for (const ltv of [0.9, 0.95, 0.952]) {
      const report = run(loan(ltv), { checkInvariants: true });
      expect(report.liquidations, `LTV ${ltv}`).toHaveLength(1);
      const close = report.liquidations[0]!;
      // Below the threshold the seizure, debt x (1 + LI), is less than the collateral: some is left, no loss.
      expect(close.closedBase, `LTV ${ltv}`).toBeCloseTo(ltv * (1 + li), 9);
      expect(close.shortfallQuote, `LTV ${ltv}`).toBe(0);
      expect(report.summary.badDebtQuote, `LTV ${ltv}`).toBe(0);
    }
    for (const ltv of [0.953, 0.96, 0.99]) {
      const report = run(loan(ltv), { checkInvariants: true });
      expect(report.liquidations, `LTV ${ltv}`).toHaveLength(1);
      const close = report.liquidations[0]!;
      // Above it the liquidator takes all the collateral for debt / (1 + LI) of the debt; the rest is the loss,
      // paid by the fund (here only the protocol's fee share) and then booked as bad debt.
      expect(close.closedBase, `LTV ${ltv}`).toBe(1);
      expect(close.shortfallQuote, `LTV ${ltv}`).toBeCloseTo(ltv * 80 - 80 / (1 + li), 6);
      const fund = report.insuranceFunds[0]!;
      expect(fund.paidOutQuote + report.summary.badDebtQuote, `LTV ${ltv}`).toBeCloseTo(close.shortfallQuote, 9);
    }
  });
});

describe('contagion scenario errors', () => {
  const problems = (edit: (s: { markets: Record<string, unknown>[] }) => void): string[] => {
    const file = new URL('../../../examples/contagion-cex-dex-lending.json', import.meta.url);
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { markets: Record<string, unknown>[] };
    edit(raw);
    try {
      prepareScenario(raw);
    } catch (error) {
      expect(error).toBeInstanceOf(FiresaleErrors);
      return (error as FiresaleErrors).errors.map((e) => e.message);
    }
    return [];
  };

  it('an oracle on a market that does not exist, a negative oracle delay and a pool with no liquidity are named by field', () => {
    expect(problems((s) => (s.markets[1]!.oracle = { source: 'market', marketId: 'ETH-NOWHERE' }))).toEqual([
      expect.stringMatching(/^markets\[1\]\.oracle\.marketId: unknown market "ETH-NOWHERE" \(known: ETH-PERP, ETH-USDC-POOL\)/),
    ]);
    expect(problems((s) => (s.markets[1]!.oracle = { source: 'own-book', delaySeconds: -2 }))).toEqual([expect.stringMatching(/^markets\[1\]\.oracle\.delaySeconds: /)]);
    expect(problems((s) => ((s.markets[1]!.book as { baseReserve: number }).baseReserve = 0))).toEqual([expect.stringMatching(/^markets\[1\]\.book\.baseReserve: /)]);
  });
});
