import { keyBlue, keyGreen, keyRed } from './pixel-words.ts';

/**
 * Per-channel slack (0–255) within which a pixel shows a palette colour: captures move a fill by
 * a step or two (export rounding, colour management), and JPEG/WebP ringing by a few more near edges.
 */
export const MATCH_SLACK = 3;

/**
 * Maps 24-bit pixel keys to the index of the palette colour they show (within `MATCH_SLACK` on
 * every channel, the nearest if several), or -1. Answers are cached in an open-addressing table,
 * so each distinct pixel value is matched against the palette once however often it recurs.
 */
export class PaletteIndex {
  private keys: Int32Array;
  private values: Int8Array;
  private size = 0;
  private mask: number;
  private readonly r: Int16Array;
  private readonly g: Int16Array;
  private readonly b: Int16Array;

  constructor(paletteKeys: readonly number[]) {
    if (paletteKeys.length > 127) throw new RangeError('PaletteIndex holds at most 127 colours');
    this.r = Int16Array.from(paletteKeys, keyRed);
    this.g = Int16Array.from(paletteKeys, keyGreen);
    this.b = Int16Array.from(paletteKeys, keyBlue);
    this.keys = new Int32Array(1 << 12).fill(-1);
    this.values = new Int8Array(1 << 12);
    this.mask = this.keys.length - 1;
  }

  /** Palette index shown by the 24-bit `key`, or -1. */
  lookup(key: number): number {
    let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & this.mask;
    for (;;) {
      const k = this.keys[slot]!;
      if (k === key) return this.values[slot]!;
      if (k === -1) break;
      slot = (slot + 1) & this.mask;
    }
    const value = this.match(key);
    this.keys[slot] = key;
    this.values[slot] = value;
    if (++this.size * 2 > this.keys.length) this.grow();
    return value;
  }

  private match(key: number): number {
    const r = keyRed(key), g = keyGreen(key), b = keyBlue(key);
    let best = -1;
    let bestD = Infinity;
    for (let i = 0; i < this.r.length; i++) {
      const dr = Math.abs(this.r[i]! - r), dg = Math.abs(this.g[i]! - g), db = Math.abs(this.b[i]! - b);
      if (dr > MATCH_SLACK || dg > MATCH_SLACK || db > MATCH_SLACK) continue;
      const d = dr + dg + db;
      if (d < bestD) {
        best = i;
        bestD = d;
      }
    }
    return best;
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Int32Array(keys.length * 2).fill(-1);
    this.values = new Int8Array(keys.length * 2);
    this.mask = this.keys.length - 1;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      if (key === -1) continue;
      let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & this.mask;
      while (this.keys[slot] !== -1) slot = (slot + 1) & this.mask;
      this.keys[slot] = key;
      this.values[slot] = values[i]!;
    }
  }
}
