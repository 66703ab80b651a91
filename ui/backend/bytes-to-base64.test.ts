import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../core/random/mulberry32.ts';
import { bytesToBase64 } from './bytes-to-base64.ts';

describe('bytesToBase64', () => {
  it.each([0, 1, 2, 3, 0x8000, 0x8000 * 3 + 7])('matches Node’s base64 for %i random bytes', (length) => {
    const random = mulberry32(length + 1);
    const bytes = Uint8Array.from({ length }, () => Math.floor(random() * 256));
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});
