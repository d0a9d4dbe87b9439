/**
 * A binary heap of positions keyed by trigger price, for positions whose liquidation price changed after the
 * index was built (partly liquidated, or found healthy again when a delayed liquidator arrived).
 * `descending` heaps pop the highest key first (longs), ascending the lowest (shorts).
 */
export class TriggerHeap {
  private ids = new Uint32Array(16);
  private keys = new Float64Array(16);
  size = 0;
  constructor(private readonly descending: boolean) {}

  clear(): void {
    this.size = 0;
  }

  push(id: number, key: number): void {
    if (this.size === this.ids.length) this.grow();
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(key, id, this.keys[parent]!, this.ids[parent]!)) break;
      this.ids[i] = this.ids[parent]!;
      this.keys[i] = this.keys[parent]!;
      i = parent;
    }
    this.ids[i] = id;
    this.keys[i] = key;
  }

  topKey(): number {
    return this.keys[0]!;
  }

  topId(): number {
    return this.ids[0]!;
  }

  pop(): void {
    const last = --this.size;
    if (last <= 0) return;
    const id = this.ids[last]!;
    const key = this.keys[last]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && this.before(this.keys[child + 1]!, this.ids[child + 1]!, this.keys[child]!, this.ids[child]!)) child++;
      if (!this.before(this.keys[child]!, this.ids[child]!, key, id)) break;
      this.ids[i] = this.ids[child]!;
      this.keys[i] = this.keys[child]!;
      i = child;
    }
    this.ids[i] = id;
    this.keys[i] = key;
  }

  /** Heap order: by key (highest first when descending), then by the lower id. */
  private before(keyA: number, idA: number, keyB: number, idB: number): boolean {
    if (keyA !== keyB) return this.descending ? keyA > keyB : keyA < keyB;
    return idA < idB;
  }

  private grow(): void {
    const ids = new Uint32Array(this.ids.length * 2);
    ids.set(this.ids);
    const keys = new Float64Array(this.keys.length * 2);
    keys.set(this.keys);
    this.ids = ids;
    this.keys = keys;
  }
}
