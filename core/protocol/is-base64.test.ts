import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../random/mulberry32.ts';
import { isBase64 } from './is-base64.ts';

describe('isBase64', () => {
  it('says what /^[A-Za-z0-9+/]+={0,2}$/ says, on random text of digits, padding and foreign characters', () => {
    const pattern = /^[A-Za-z0-9+/]+={0,2}$/;
    const random = mulberry32(4);
    const alphabet = 'AZaz09+/====-_ .\né';
    for (let n = 0; n < 20_000; n++) {
      const text = Array.from({ length: Math.floor(random() * 8) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      expect(isBase64(text), JSON.stringify(text)).toBe(pattern.test(text));
    }
  });
});
