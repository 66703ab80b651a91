import { describe, expect, it } from 'vitest';
import type { ExportColor } from './export-color.ts';
import { formatTokens, TOKEN_FORMATS } from './format-tokens.ts';
import { fromDtcg } from './from-dtcg.ts';
import { toCssVariables } from './to-css-variables.ts';
import { CHORUS_EXTENSION, toDtcg, type DtcgColorToken } from './to-dtcg.ts';
import { toPlainJson } from './to-plain-json.ts';
import { toTokensStudio } from './to-tokens-studio.ts';
import { toTokenName } from './token-name.ts';

const palette: ExportColor[] = [
  { hex: '#ffffff', role: 'background', share: 0.7, confidence: 0.95, agreement: 1, conflict: false },
  { hex: '#0d6efd', role: 'primary', name: 'Azure {brand}.blue', share: 0.02, confidence: 0.77, agreement: 0.6, conflict: false },
  { hex: '#f15925', name: 'molten-copper', share: 0.01, confidence: 0.6, agreement: 0.25, conflict: true },
  { hex: '#e5e7eb', share: 0.01 },
  { hex: '#e5e7eb', name: 'molten-copper', share: 0.005 },
];

describe('token names', () => {
  it('never contain braces, dots or a leading $', () => {
    for (const label of ['{primary}', 'brand.blue', '$value', '$$x.y{z}', '  Ünïcode ✨ name  ', '---', '']) {
      const name = toTokenName(label);
      expect(name).not.toMatch(/[{}.]/);
      expect(name.startsWith('$')).toBe(false);
      expect(name).toMatch(/^[a-z0-9][a-z0-9_-]*$/);
    }
    expect(toTokenName('Azure {brand}.blue')).toBe('azure-brand-blue');
    expect(toTokenName('  Ünïcode ✨ name  ')).toBe('unicode-name');
  });

  it('are unique within a palette: role, else name, else color-N, with -2 for a repeat', () => {
    expect(Object.keys(toPlainJson(palette))).toEqual(['background', 'primary', 'molten-copper', 'color-1', 'molten-copper-2']);
  });
});

describe('DTCG 2025.10', () => {
  const doc = toDtcg(palette);

  it('writes sRGB colour objects with components and a hex fallback, $type on the group', () => {
    expect(doc.color.$type).toBe('color');
    expect(doc.color['primary']).toMatchObject({
      $value: { colorSpace: 'srgb', components: [0.051, 0.4314, 0.9922], hex: '#0d6efd' },
      $description: expect.stringMatching(/^Primary · Azure/),
    });
  });

  it('keeps the vote under a namespaced extension, and says a conflict out loud', () => {
    const token = doc.color['molten-copper'];
    if (typeof token === 'string' || !token) throw new Error('no token');
    expect(token.$extensions?.[CHORUS_EXTENSION]).toMatchObject({ confidence: 0.6, agreement: 0.25, conflict: true, name: 'molten-copper' });
    expect(token.$description).toMatch(/conflict/);
  });

  it('round-trips: every colour, role, name and figure comes back', () => {
    const back = fromDtcg(JSON.parse(formatTokens(palette, 'dtcg')));
    expect(back).toEqual(palette);
  });

  it('round-trips every 8-bit value exactly through 4-decimal components', () => {
    const greys = Array.from({ length: 256 }, (_, v) => ({ hex: `#${v.toString(16).padStart(2, '0').repeat(3)}` }));
    expect(fromDtcg(toDtcg(greys)).map((c) => c.hex)).toEqual(greys.map((c) => c.hex));
  });

  it('refuses to read a token that is not an sRGB colour', () => {
    expect(() => fromDtcg({ color: { x: { $value: { colorSpace: 'display-p3', components: [1, 0, 0] } } } })).toThrow();
  });
});

describe('other formats', () => {
  it('Tokens Studio: hex strings with type color', () => {
    expect(toTokensStudio(palette).color['primary']).toEqual({ value: '#0d6efd', type: 'color', description: expect.stringMatching(/Primary/) });
  });

  it('CSS custom properties on :root, one per colour', () => {
    const css = toCssVariables(palette);
    expect(css).toMatch(/^:root \{$/m);
    expect(css).toContain('--color-primary: #0d6efd;');
    expect(css).toContain('--color-molten-copper-2: #e5e7eb;');
    expect(css.match(/--color-/g)).toHaveLength(palette.length);
  });

  it('a comment can never close early in CSS', () => {
    expect(toCssVariables([{ hex: '#000000', name: 'evil */ body { color: red } /*' }])).not.toMatch(/\*\/ body/);
  });

  it('every format renders for an empty palette too', () => {
    for (const format of TOKEN_FORMATS) expect(typeof formatTokens([], format)).toBe('string');
  });
});

describe('toDtcg contrast', () => {
  it('puts each text colour\'s WCAG ratio, APCA Lc and verdict on the backgrounds it is used on, with the nearest passing colour when it fails', () => {
    const doc = toDtcg([
      { hex: '#ffffff', role: 'background' },
      { hex: '#000000', role: 'text' },
      { hex: '#9a9a9a', role: 'text-muted' },
    ]);
    const contrastOf = (key: string) => (doc.color[key] as DtcgColorToken).$extensions?.[CHORUS_EXTENSION].contrast;
    expect(contrastOf('text')).toEqual([{ on: '{color.background}', ratio: 21, apcaLc: 106.04, wcag: 'AAA', apca: 'body', large: false }]);
    expect(contrastOf('text-muted')?.[0]).toMatchObject({ on: '{color.background}', wcag: 'fail', suggestion: expect.stringMatching(/^#[0-9a-f]{6}$/) });
  });
});
