import type { AdlCandidateInputV1 } from '@firesale/spec';

/**
 * BitMEX ADL ranking from position values (BitMEX "Auto-Deleveraging"): `PNL% = (mark value - avg entry value) /
 * |avg entry value|`, `effective leverage = |mark value| / (mark value - bankrupt value)`; ranking = PNL% x leverage
 * when PNL% > 0, PNL% / leverage otherwise. Values are signed (negative for shorts), as BitMEX reports them.
 */
export function adlRankingFromValues(markValue: number, avgEntryValue: number, bankruptValue: number): number {
  const pnlShare = (markValue - avgEntryValue) / Math.abs(avgEntryValue);
  const cushion = markValue - bankruptValue;
  if (!(cushion > 0)) return pnlShare > 0 ? Infinity : -Infinity;
  const leverage = Math.abs(markValue) / cushion;
  return pnlShare > 0 ? pnlShare * leverage : pnlShare / leverage;
}

/**
 * {@link adlRankingFromValues} for a linear position backed by `marginQuote`: values are `side x size x price`,
 * the bankrupt value is at `entry - side x margin / size`, so `mark value - bankrupt value = margin + PnL`.
 */
export function adlRanking(input: AdlCandidateInputV1): number {
  const s = input.side * input.sizeBase;
  const bankrupt = input.entryPriceQuote - (input.side * input.marginQuote) / input.sizeBase;
  return adlRankingFromValues(s * input.markPriceQuote, s * input.entryPriceQuote, s * bankrupt);
}

/** One position of one side of the ADL queue. */
export type AdlQueueEntry = {
  /** Account id (kept as given in `order`; a string key in `percentile`). */
  readonly account: string | number;
  /** Position quantity (contracts or base units; only shares of the total matter). */
  readonly quantity: number;
  readonly ranking: number;
};

/** The queue of one side: accounts in deleveraging order and the percentile bucket each shows. */
export type AdlQueue = {
  /** Accounts, highest ranking first (ties keep input order). */
  readonly order: readonly (string | number)[];
  /** Per account: 0.2, 0.4, 0.6, 0.8 or 1 (the 20% steps of the ADL indicator). */
  readonly percentile: Readonly<Record<string, number>>;
};

/**
 * Orders one side's positions by ranking (highest first) and assigns the ADL indicator bucket: the cumulative
 * quantity share up to and including the position, `ceil(share x 5) / 5`. The bucket rule is inferred from the
 * worked example on BitMEX "Auto-Deleveraging Further Information" (vectors/perp-venues.json `bitmex_adl_quintile`);
 * BitMEX does not state it in words.
 */
export function adlQueue(entries: readonly AdlQueueEntry[]): AdlQueue {
  const sorted = entries.map((e, index) => ({ e, index })).sort((a, b) => b.e.ranking - a.e.ranking || a.index - b.index);
  let total = 0;
  for (const { e } of sorted) total += e.quantity;
  const order: (string | number)[] = [];
  const percentile: Record<string, number> = {};
  let cumulative = 0;
  for (const { e } of sorted) {
    cumulative += e.quantity;
    order.push(e.account);
    // A share of exactly 20/40/60/80% stays in its step even when summing fractional quantities rounds it up a hair.
    percentile[String(e.account)] = Math.min(5, Math.max(1, Math.ceil((cumulative * 5) / total - 1e-9))) / 5;
  }
  return { order, percentile };
}
