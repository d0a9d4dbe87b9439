import { PositionTable, createRng } from '@firesale/core';
import type { AccountInput, SimulatorInput, TimingInput } from '@firesale/core';
import type { LiquidationEngineModelV1, OrderBookModelV1, SideSign } from '@firesale/spec';
import { checkInputOf, isValidAndHealthy, maxLeverageOf } from './engine-context';

/** One position of a test cascade, margined by `marginQuote` alone. */
export type CascadePosition = {
  readonly side: SideSign;
  readonly sizeBase: number;
  readonly entryPriceQuote: number;
  readonly marginQuote: number;
};

/** What {@link buildCascadeInput} needs: one market on one venue. */
export type CascadeSetup = {
  readonly engine: LiquidationEngineModelV1;
  /** The market's id in the venue's params (the core market id is the same). */
  readonly venueMarketId: string;
  readonly book: OrderBookModelV1;
  readonly positions: readonly CascadePosition[];
  readonly insuranceFundQuote: number;
  readonly timing?: TimingInput;
};

/**
 * A one-market simulator input: each position in its own account, isolated when the venue supports isolated
 * margin, else a cross account holding the margin in the quote asset (core treats both alike).
 */
export function buildCascadeInput(setup: CascadeSetup): SimulatorInput {
  const { engine } = setup;
  const isolated = engine.capabilities.isolatedMargin;
  const positions = new PositionTable(setup.positions.length + 4);
  const accounts: AccountInput[] = [];
  setup.positions.forEach((p, i) => {
    accounts.push({
      accountId: `account-${i}`,
      marginMode: isolated ? 'isolated' : 'cross',
      collateral: isolated ? [] : [{ asset: 'USD', amount: p.marginQuote }],
    });
    positions.add(i, 0, p.side, p.sizeBase, p.entryPriceQuote, isolated ? p.marginQuote : 0);
  });
  return {
    markets: [{ marketId: setup.venueMarketId, venueId: engine.venueId, baseAsset: setup.venueMarketId, book: setup.book }],
    venues: [{ engine, insuranceFundQuote: setup.insuranceFundQuote }],
    accounts,
    positions,
    quoteAsset: 'USD',
    timing: setup.timing ?? { stepSeconds: 1, durationSeconds: 120 },
  };
}

/**
 * A seeded population of `count` positions on `marketId` at `priceQuote` that the venue accepts and that are
 * healthy at entry: alternating sides, notional log-uniform in 500 to 50,000 quote, leverage 10% to 80% of the cap.
 */
export function healthyPopulation(engine: LiquidationEngineModelV1, marketId: string, priceQuote: number, count: number, seed: number): CascadePosition[] {
  const rng = createRng(seed);
  const cap = maxLeverageOf(engine, marketId);
  const out: CascadePosition[] = [];
  for (let attempt = 0; attempt < count * 20 && out.length < count; attempt++) {
    const notional = Math.exp(Math.log(500) + rng.nextFloat() * Math.log(100));
    const leverage = Math.max(1, (0.1 + 0.7 * rng.nextFloat()) * cap);
    const side: SideSign = attempt % 2 === 0 ? 1 : -1;
    const sample = { marketId, side, sizeBase: notional / priceQuote, entryPriceQuote: priceQuote, leverage, marginQuote: notional / leverage };
    if (isValidAndHealthy(engine, sample) && engine.doValidatePosition(checkInputOf(engine, sample)).length === 0) {
      out.push({ side, sizeBase: sample.sizeBase, entryPriceQuote: priceQuote, marginQuote: sample.marginQuote });
    }
  }
  return out;
}
