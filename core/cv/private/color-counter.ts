/** Figures kept per key, side by side in `stats` so that one add touches one cache line: count, flat, between. */
const STATS = 3;

/**
 * Counts 24-bit colour keys in an open-addressing hash table: a Map costs several times more
 * per insert, and tier 1 inserts once per run of equal pixels over megapixel screenshots.
 * Per key: how many pixels had it, how many of them sat in a flat region, how many lay, in value,
 * between the two different neighbours either side of them.
 */
export class ColorCounter {
  private keys: Int32Array;
  private stats: Float64Array;
  private size = 0;
  private mask: number;

  constructor(initialCapacityLog2 = 14) {
    const capacity = 1 << initialCapacityLog2;
    this.keys = new Int32Array(capacity).fill(-1);
    this.stats = new Float64Array(capacity * STATS);
    this.mask = capacity - 1;
  }

  add(key: number, count: number, flatCount: number, betweenCount = 0): void {
    let slot = Math.imul(key, 0x9e3779b1) >>> 0 & this.mask;
    const keys = this.keys;
    for (;;) {
      const k = keys[slot]!;
      if (k === key) break;
      if (k === -1) {
        keys[slot] = key;
        this.size++;
        // Keep the load under one half so probes stay short.
        if (this.size * 2 > keys.length) {
          this.grow();
          this.add(key, count, flatCount, betweenCount);
          return;
        }
        break;
      }
      slot = (slot + 1) & this.mask;
    }
    const at = slot * STATS;
    const stats = this.stats;
    stats[at]! += count;
    stats[at + 1]! += flatCount;
    stats[at + 2]! += betweenCount;
  }

  /** Calls `visit` once per distinct key. */
  forEach(visit: (key: number, count: number, flat: number, between: number) => void): void {
    const { keys, stats } = this;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== -1) visit(keys[i]!, stats[i * STATS]!, stats[i * STATS + 1]!, stats[i * STATS + 2]!);
  }

  private grow(): void {
    const { keys, stats } = this;
    const capacity = keys.length * 2;
    this.keys = new Int32Array(capacity).fill(-1);
    this.stats = new Float64Array(capacity * STATS);
    this.mask = capacity - 1;
    this.size = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== -1) this.add(keys[i]!, stats[i * STATS]!, stats[i * STATS + 1]!, stats[i * STATS + 2]!);
  }
}
