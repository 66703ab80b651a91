import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../core/random/mulberry32.ts';
import { fromBase64, toBase64 } from './prepare-run.ts';

/** What the browser's atob makes of it (the reference), or null when it refuses. */
function reference(text: string): number[] | null {
  try {
    return [...atob(text)].map((c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

describe('fromBase64', () => {
  it('round-trips bytes of every length through toBase64', () => {
    const random = mulberry32(7);
    for (let length = 0; length < 70; length++) {
      const bytes = Uint8Array.from({ length }, () => Math.floor(random() * 256));
      expect([...fromBase64(toBase64(bytes))]).toEqual([...bytes]);
    }
  });

  it('accepts and refuses exactly what atob does, on random text with padding, stray characters and bad lengths', () => {
    const random = mulberry32(20261204);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_.!é';
    for (let n = 0; n < 5000; n++) {
      const length = Math.floor(random() * 14);
      const text = Array.from({ length }, () => alphabet[Math.floor(random() * (random() < 0.9 ? 64 : alphabet.length))]).join('');
      const expected = reference(text);
      if (expected === null) expect(() => fromBase64(text), text).toThrow(SyntaxError);
      else expect([...fromBase64(text)], text).toEqual(expected);
    }
  });
});
