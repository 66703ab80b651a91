import { describe, expect, it } from 'vitest';
import { parseHex } from './parse-hex.ts';

describe('parseHex', () => {
  it('reads six digits with or without #, any case', () => {
    expect(parseHex('#1a2B3c')).toEqual({ r: 0x1a, g: 0x2b, b: 0x3c });
    expect(parseHex('1A2B3C')).toEqual({ r: 0x1a, g: 0x2b, b: 0x3c });
  });

  it('doubles each digit of the short forms', () => {
    expect(parseHex('#abc')).toEqual({ r: 0xaa, g: 0xbb, b: 0xcc });
    expect(parseHex('F80')).toEqual({ r: 0xff, g: 0x88, b: 0x00 });
    expect(parseHex('#abcd')).toEqual({ r: 0xaa, g: 0xbb, b: 0xcc });
  });

  it('drops alpha', () => {
    expect(parseHex('#aabbcc80')).toEqual({ r: 0xaa, g: 0xbb, b: 0xcc });
  });

  it('trims surrounding whitespace', () => {
    expect(parseHex('  #FFFFFF\n')).toEqual({ r: 255, g: 255, b: 255 });
  });

  it('returns null for anything else', () => {
    for (const bad of ['', '#', '#ab', '#abcde', '#abcdefa', '#abcdefabc', 'ggg', '#12 345', 'red', '##abc', 'rgb(1,2,3)']) {
      expect(parseHex(bad), bad).toBeNull();
    }
  });
});
