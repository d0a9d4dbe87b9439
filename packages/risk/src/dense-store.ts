import type { SketchStore } from './log-sketch';

/**
 * Bucket counts of a log sketch in one typed array over the keys seen so far (DDSketch's dense store): key `k`
 * counts at `counts[k - offset]`, and the array grows by doubling to take a key outside its range. Counts live
 * off the JavaScript heap, so filling and merging sketches over millions of Monte Carlo paths creates no garbage
 * once the range is known, and emptying keeps the range ({@link DenseStore.clear}).
 */
export class DenseStore {
  private counts = new Float64Array(0);
  private offset = 0;
  /** Lowest and highest key with a count, or `minKey > maxKey` when empty. */
  private minKey = Infinity;
  private maxKey = -Infinity;

  /** Adds `count` to bucket `key`. */
  add(key: number, count: number): void {
    if (key < this.offset || key >= this.offset + this.counts.length) this.cover(key);
    this.counts[key - this.offset]! += count;
    if (key < this.minKey) this.minKey = key;
    if (key > this.maxKey) this.maxKey = key;
  }

  /** Adds every bucket of a serialised store. */
  addStore(store: SketchStore): void {
    for (let i = 0; i < store.keys.length; i++) this.add(store.keys[i]!, store.counts[i]!);
  }

  /** Sets every count to 0, keeping the array (refilling over the same range allocates nothing). */
  clear(): void {
    if (this.minKey <= this.maxKey) this.counts.fill(0, this.minKey - this.offset, this.maxKey - this.offset + 1);
    this.minKey = Infinity;
    this.maxKey = -Infinity;
  }

  /** The non-zero buckets, keys ascending. */
  toStore(): SketchStore {
    // Counted first, so the arrays are made at their final size: a run's summary holds ~100,000 buckets, and
    // arrays grown by push would allocate about three times that at the end of the run.
    let size = 0;
    for (let key = this.minKey; key <= this.maxKey; key++) if (this.counts[key - this.offset]! > 0) size++;
    const keys = new Array<number>(size);
    const counts = new Array<number>(size);
    let k = 0;
    for (let key = this.minKey; key <= this.maxKey; key++) {
      const c = this.counts[key - this.offset]!;
      if (c > 0) {
        keys[k] = key;
        counts[k++] = c;
      }
    }
    return { keys, counts };
  }

  /** Grows the array (at least doubling) so that it covers `key` as well as every key it covered. */
  private cover(key: number): void {
    const length = this.counts.length;
    if (length === 0) {
      this.counts = new Float64Array(64);
      this.offset = key - 32;
      return;
    }
    const low = Math.min(key, this.offset);
    const high = Math.max(key + 1, this.offset + length);
    const grown = Math.max(length * 2, high - low);
    const slack = grown - (high - low);
    // Room on the side the new key came from (ranges grow outwards from where values start).
    const offset = key < this.offset ? low - slack : low;
    const next = new Float64Array(grown);
    next.set(this.counts, this.offset - offset);
    this.counts = next;
    this.offset = offset;
  }
}
