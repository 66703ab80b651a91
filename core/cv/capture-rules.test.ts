import { describe, expect, it } from 'vitest';
import { deltaEHex } from '../color/index.ts';
import { canvas, rect, text } from '../../test/images/synthetic-image.ts';
import { extractFlatRegions } from './extract-flat-regions.ts';
import { extractTier1 } from './extract-tier1.ts';

const near = (colors: readonly { hex: string }[], hex: string, de = 3) => colors.some((c) => (deltaEHex(c.hex, hex) ?? 99) < de);
const grey = (v: number) => `#${v.toString(16).padStart(2, '0').repeat(3)}`;

/** A macOS-style title bar: a highlight line, then a vertical gradient in bands of two rows, over a dark editor. */
function titleBarOverEditor() {
  const c = canvas(320, 200, '#002b36');
  rect(c, 0, 0, 320, 1, '#e4e4e4');
  for (let band = 0; band < 11; band++) rect(c, 0, 1 + band * 2, 320, 2, grey(0xcb - band * 4));
  for (let row = 0; row < 8; row++) text(c, 30, 40 + row * 18, 30, '#839496');
  return c;
}

describe('rules for real captures', () => {
  it('does not report the bands of a gradient title bar as colours', () => {
    const { colors } = extractFlatRegions(titleBarOverEditor());
    expect(colors[0]!.hex).toBe('#002b36');
    expect(near(colors, '#839496', 1)).toBe(true);
    // Eleven bands, 4 levels apart: none of them is a colour of the theme.
    const bands = colors.filter((c) => Array.from({ length: 11 }, (_, b) => grey(0xcb - b * 4)).includes(c.hex));
    expect(bands).toEqual([]);
  });

  it('keeps a flat bar a few rows tall that is not part of a ramp', () => {
    const c = titleBarOverEditor();
    rect(c, 0, 180, 320, 4, '#073642');
    expect(near(extractTier1(c).colors, '#073642', 1)).toBe(true);
  });

  it('keeps a theme grey that lies between the background and the text (a mix, not a wash)', () => {
    const c = canvas(320, 200, '#1e1e2e');
    for (let row = 0; row < 6; row++) text(c, 20, 20 + row * 18, 40, '#cdd6f4');
    // Catppuccin's overlay grey is close to a 35 % mix of text over base: comments and line numbers.
    for (let row = 0; row < 3; row++) text(c, 20, 140 + row * 18, 40, '#6c7086');
    expect(near(extractTier1(c).colors, '#6c7086', 1)).toBe(true);
  });
});
