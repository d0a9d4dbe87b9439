import type { AmountBase, AmountQuote, PriceQuote, SideSign } from '@firesale/spec';

/**
 * Positions as struct-of-arrays: one typed column per field, grown by doubling. The SDK fills it from a
 * scenario; the engine reads it without copying. Position ids are row numbers.
 */
export class PositionTable {
  count = 0;
  marketIndex: Uint16Array;
  accountIndex: Uint32Array;
  side: Int8Array;
  sizeBase: Float64Array;
  entryPriceQuote: Float64Array;
  /** Isolated margin in quote; ignored (0) for cross-margin accounts, whose collateral backs the position. */
  marginQuote: Float64Array;

  constructor(capacity = 1024) {
    const n = Math.max(capacity, 4);
    this.marketIndex = new Uint16Array(n);
    this.accountIndex = new Uint32Array(n);
    this.side = new Int8Array(n);
    this.sizeBase = new Float64Array(n);
    this.entryPriceQuote = new Float64Array(n);
    this.marginQuote = new Float64Array(n);
  }

  /** Appends a position and returns its id. */
  add(
    accountIndex: number,
    marketIndex: number,
    side: SideSign,
    sizeBase: AmountBase,
    entryPriceQuote: PriceQuote,
    marginQuote: AmountQuote,
  ): number {
    if (this.count === this.sizeBase.length) this.grow();
    const i = this.count++;
    this.accountIndex[i] = accountIndex;
    this.marketIndex[i] = marketIndex;
    this.side[i] = side;
    this.sizeBase[i] = sizeBase;
    this.entryPriceQuote[i] = entryPriceQuote;
    this.marginQuote[i] = marginQuote;
    return i;
  }

  private grow(): void {
    const n = this.sizeBase.length * 2;
    const grow = <T extends Float64Array | Uint32Array | Uint16Array | Int8Array>(a: T, make: (n: number) => T): T => {
      const next = make(n);
      next.set(a);
      return next;
    };
    this.marketIndex = grow(this.marketIndex, (k) => new Uint16Array(k));
    this.accountIndex = grow(this.accountIndex, (k) => new Uint32Array(k));
    this.side = grow(this.side, (k) => new Int8Array(k));
    this.sizeBase = grow(this.sizeBase, (k) => new Float64Array(k));
    this.entryPriceQuote = grow(this.entryPriceQuote, (k) => new Float64Array(k));
    this.marginQuote = grow(this.marginQuote, (k) => new Float64Array(k));
  }
}
