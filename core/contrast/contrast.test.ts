import { describe, expect, it } from 'vitest';
import { contrastRatio, parseHex } from '../color/index.ts';
import { apcaLc } from './apca-lc.ts';
import { apcaLevel } from './apca-level.ts';
import { checkContrast } from './check-contrast.ts';
import { nearestPassingColor } from './nearest-passing-color.ts';
import { screenPairs } from './screen-pairs.ts';
import { wcagLevel } from './wcag-level.ts';

const rgb = (hex: string) => parseHex(hex)!;

describe('APCA Lc, against apca-w3 0.1.9 test/index.js (the library\'s own expected values)', () => {
  const rows: [text: string, background: string, lc: number][] = [
    ['#888', '#fff', 63.056469930209424],
    ['#fff', '#888', -68.54146436644962],
    ['#000', '#aaa', 58.146262578561334],
    ['#aaa', '#000', -56.24113336839742],
    ['#123', '#def', 91.66830811481631],
    ['#def', '#123', -93.06770049484275],
    ['#123', '#444', 8.32326136957393],
    ['#444', '#123', -7.526878460278154],
  ];
  for (const [text, background, lc] of rows) {
    it(`${text} on ${background} is Lc ${lc.toFixed(2)}`, () => {
      expect(apcaLc(rgb(text), rgb(background))).toBeCloseTo(lc, 9);
    });
  }

  it('names the Bronze Simple Mode use of a magnitude, either polarity', () => {
    expect(apcaLevel(91.7)).toBe('body');
    expect(apcaLevel(-68.5)).toBe('content');
    expect(apcaLevel(58.1)).toBe('large');
    expect(apcaLevel(-30)).toBe('non-text');
    expect(apcaLevel(8.3)).toBe('fail');
  });
});

describe('WCAG 2.2 verdicts, against published examples', () => {
  // Black on white is the definition's own 21:1; the greys are WebAIM's well-known boundary cases:
  // #767676 is the lightest grey passing AA on white (4.54:1), #777777 just fails (4.48:1),
  // #595959 is the lightest reaching AAA (7.0:1).
  const rows: [string, string, number, 'AAA' | 'AA' | 'fail', 'AAA' | 'AA' | 'fail'][] = [
    ['#000000', '#ffffff', 21, 'AAA', 'AAA'],
    ['#767676', '#ffffff', 4.54, 'AA', 'AAA'],
    ['#777777', '#ffffff', 4.48, 'fail', 'AA'],
    ['#595959', '#ffffff', 7.0, 'AAA', 'AAA'],
    ['#949494', '#ffffff', 3.03, 'fail', 'AA'],
  ];
  for (const [text, background, ratio, normal, large] of rows) {
    it(`${text} on ${background}: ${ratio}:1, ${normal} for normal text, ${large} for large`, () => {
      const r = contrastRatio(rgb(text), rgb(background));
      expect(r).toBeCloseTo(ratio, 2);
      expect(wcagLevel(r, false)).toBe(normal);
      expect(wcagLevel(r, true)).toBe(large);
    });
  }
});

describe('checkContrast', () => {
  it('flags a failing pair and offers the nearest text colour that passes AA', () => {
    const check = checkContrast({ text: { key: 'text-muted', hex: '#9a9a9a' }, background: { key: 'surface', hex: '#ffffff' }, source: 'roles' })!;
    expect(check.passes).toBe(false);
    expect(check.wcag).toBe('fail');
    const s = check.suggestion!;
    expect(s.ratio).toBeGreaterThanOrEqual(4.5);
    // Nearest: one 8-bit step lighter would fail again.
    const lighter = `#${(parseInt(s.hex.slice(1, 3), 16) + 1).toString(16).repeat(3)}`;
    expect(contrastRatio(rgb(lighter), rgb('#ffffff'))).toBeLessThan(4.5);
  });

  it('keeps a coloured text colour\'s hue when it darkens it', () => {
    const s = nearestPassingColor('#ff8a65', '#ffffff', 4.5)!;
    const { r, g, b } = rgb(s.hex);
    expect(r).toBeGreaterThan(g);
    expect(g).toBeGreaterThan(b);
    expect(s.ratio).toBeGreaterThanOrEqual(4.5);
  });

  it('offers nothing when no lightness reaches the ratio on that background', () => {
    expect(nearestPassingColor('#808080', '#777777', 7)).toBeNull();
  });

  it('passes large text at 3:1 where normal text fails', () => {
    const pair = { text: { key: 'primary', hex: '#949494' }, background: { key: 'background', hex: '#ffffff' }, source: 'roles' as const };
    expect(checkContrast(pair)!.passes).toBe(false);
    expect(checkContrast({ ...pair, large: true })!.passes).toBe(true);
  });
});

describe('screenPairs', () => {
  const palette = [
    { key: 'background', role: 'background' as const, hex: '#ffffff' },
    { key: 'surface', role: 'surface' as const, hex: '#f4f4f5' },
    { key: 'text', role: 'text' as const, hex: '#18181b' },
    { key: 'text-muted', role: 'text-muted' as const, hex: '#71717a' },
    { key: 'primary', role: 'primary' as const, hex: '#2563eb' },
    { key: 'on-primary', role: 'on-primary' as const, hex: '#ffffff' },
  ];

  it('pairs text with its grounds, on-primary with primary and muted text with surface', () => {
    expect(screenPairs(palette).map((p) => `${p.text.key}/${p.background.key}`)).toEqual([
      'text/background',
      'text/surface',
      'on-primary/primary',
      'text-muted/surface',
    ]);
  });

  it('uses the pairs the layers show when there are layers, once each, named after the palette', () => {
    const pairs = screenPairs(palette, [
      { textHex: '#18181b', backgroundHex: '#ffffff', large: true },
      { textHex: '#19191b', backgroundHex: '#ffffff', large: false },
      { textHex: '#ffffff', backgroundHex: '#2563eb', large: false },
    ]);
    expect(pairs).toEqual([
      { text: { key: 'text', role: 'text', hex: '#18181b' }, background: { key: 'background', role: 'background', hex: '#ffffff' }, large: false, source: 'layers' },
      { text: { key: 'on-primary', role: 'on-primary', hex: '#ffffff' }, background: { key: 'primary', role: 'primary', hex: '#2563eb' }, large: false, source: 'layers' },
    ]);
  });
});
