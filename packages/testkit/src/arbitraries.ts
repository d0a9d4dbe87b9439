import fc from 'fast-check';
import type { AmountBase, AmountQuote, PriceQuote, SideSign } from '@firesale/spec';

/** A position as the conformance checks build it: margin is `notional / leverage` at entry. */
export type PositionSample = {
  readonly marketId: string;
  readonly side: SideSign;
  readonly sizeBase: AmountBase;
  readonly entryPriceQuote: PriceQuote;
  /** Notional over margin at entry. */
  readonly leverage: number;
  readonly marginQuote: AmountQuote;
};

/** Options of {@link arbitraries.position}. */
export type PositionArbitraryOptions = {
  /** Markets to draw from (default `['BTC']`). */
  readonly marketIds?: readonly string[];
  /** Highest leverage drawn (default 20); the lowest is 1. */
  readonly maxLeverage?: number;
  /** Range of the notional at entry, in quote (default 10 to 1,000,000). */
  readonly notionalQuote?: { readonly min: number; readonly max: number };
  /** Range of the entry price, in quote per base (default 0.01 to 200,000). */
  readonly priceQuote?: { readonly min: number; readonly max: number };
  /** Restrict to one side. */
  readonly side?: SideSign;
};

/** An account with quote or asset collateral (the shape of core's `AccountInput`). */
export type AccountSample = {
  readonly accountId: string;
  readonly marginMode: 'isolated' | 'cross';
  readonly collateral: readonly { readonly asset: string; readonly amount: number }[];
};

/** A valid L2 snapshot: bids strictly descending, asks strictly ascending, best bid below best ask. */
export type L2BookSample = {
  readonly bids: readonly (readonly [priceQuote: number, sizeBase: number])[];
  readonly asks: readonly (readonly [priceQuote: number, sizeBase: number])[];
};

const finite = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
/** Log-uniform draw, so small and large magnitudes are equally likely. */
const logUniform = (min: number, max: number) => finite(Math.log(min), Math.log(max)).map((x) => Math.min(max, Math.max(min, Math.exp(x))));

/** A positive price in quote per base, log-uniform in `[min, max]` (default 0.01 to 200,000). */
function price(range: { readonly min: number; readonly max: number } = { min: 0.01, max: 200_000 }): fc.Arbitrary<PriceQuote> {
  return logUniform(range.min, range.max);
}

/** A position with leverage in [1, maxLeverage] and a log-uniform notional and entry price. */
function position(options: PositionArbitraryOptions = {}): fc.Arbitrary<PositionSample> {
  const marketIds = options.marketIds ?? ['BTC'];
  const notional = options.notionalQuote ?? { min: 10, max: 1_000_000 };
  const maxLeverage = Math.max(1, options.maxLeverage ?? 20);
  return fc
    .record({
      marketId: fc.constantFrom(...marketIds),
      side: options.side === undefined ? fc.constantFrom<SideSign>(1, -1) : fc.constant(options.side),
      notionalQuote: logUniform(notional.min, notional.max),
      entryPriceQuote: price(options.priceQuote),
      leverage: maxLeverage === 1 ? fc.constant(1) : finite(1, maxLeverage),
    })
    .map(({ marketId, side, notionalQuote, entryPriceQuote, leverage }) => ({
      marketId,
      side,
      sizeBase: notionalQuote / entryPriceQuote,
      entryPriceQuote,
      leverage,
      marginQuote: notionalQuote / leverage,
    }));
}

/** An account holding one to three collateral assets from `assets` (default USDC, USDT, BTC). */
function account(assets: readonly string[] = ['USDC', 'USDT', 'BTC']): fc.Arbitrary<AccountSample> {
  return fc.record({
    accountId: fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/),
    marginMode: fc.constantFrom<'isolated' | 'cross'>('isolated', 'cross'),
    collateral: fc.uniqueArray(fc.record({ asset: fc.constantFrom(...assets), amount: logUniform(1, 1e7) }), {
      minLength: 1,
      maxLength: Math.min(3, assets.length),
      selector: (c) => c.asset,
    }),
  });
}

/** A valid L2 snapshot around a mid of 10 to 10,000: 1 to 20 levels a side, gaps up to 2% of the mid. */
function l2Book(): fc.Arbitrary<L2BookSample> {
  const side = fc.array(fc.tuple(finite(1e-4, 0.02), logUniform(0.01, 100)), { minLength: 1, maxLength: 20 });
  return fc.record({ mid: logUniform(10, 10_000), bids: side, asks: side }).map(({ mid, bids, asks }) => {
    const levels = (steps: readonly (readonly [number, number])[], sign: number) => {
      let distance = 0;
      return steps.map(([gap, size]) => {
        distance += gap;
        return [mid * (1 + sign * distance), size] as const;
      });
    };
    return { bids: levels(bids, -1), asks: levels(asks, 1) };
  });
}

/** A shock: a relative move of the reference price between -50% and +50%, instant or over up to 60 s. */
function shock(): fc.Arbitrary<{ readonly returnFraction: number; readonly overSeconds: number }> {
  return fc.record({ returnFraction: finite(-0.5, 0.5), overSeconds: fc.integer({ min: 0, max: 60 }) });
}

/**
 * fast-check arbitraries for plugin authors' own property tests (the conformance checks use the same ones).
 *
 * @example
 * ```ts
 * fc.assert(fc.property(arbitraries.position({ marketIds: ['BTC'], maxLeverage: 40 }), (p) => { ... }));
 * ```
 */
export const arbitraries = { price, position, account, l2Book, shock } as const;
