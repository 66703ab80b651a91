import { describe, expect, it } from 'vitest';
import { deltaEHex } from '../color/index.ts';
import { canvas, photo, rect, setPixel, text, type Canvas } from '../../test/images/synthetic-image.ts';
import { extractFlatRegions } from './extract-flat-regions.ts';
import { extractTier1 } from './extract-tier1.ts';

const near = (colors: readonly { hex: string }[], hex: string, de = 3) => colors.some((c) => (deltaEHex(c.hex, hex) ?? 99) < de);
const grey = (v: number) => `#${v.toString(16).padStart(2, '0').repeat(3)}`;
const roleOf = (colors: readonly { hex: string; role?: string }[], role: string) => colors.find((c) => c.role === role)?.hex;
const roleOfHex = (colors: readonly { hex: string; role?: string }[], hex: string) => colors.find((c) => (deltaEHex(c.hex, hex) ?? 99) < 1)?.role;

/** An editor window: title bar and activity bar in the darkest shade along the edges, a sidebar, the editor area, a status bar. */
function editorWindow(): Canvas {
  const c = canvas(480, 300, '#1e1e2e');
  rect(c, 0, 0, 480, 24, '#11111b'); // title bar
  rect(c, 0, 24, 28, 260, '#11111b'); // activity bar
  rect(c, 28, 24, 110, 260, '#181825'); // sidebar
  rect(c, 0, 284, 480, 16, '#11111b'); // status bar
  for (let row = 0; row < 12; row++) text(c, 40, 34 + row * 20, 14, '#a6adc8'); // file tree
  for (let row = 0; row < 12; row++) text(c, 160, 34 + row * 20, 40 - (row % 4) * 6, '#cdd6f4'); // code
  return c;
}

/** The editor window with syntax colours in the code: strings in green, more than any other chromatic ink, and mauve keywords. */
function editorWithCode(): Canvas {
  const c = editorWindow();
  for (let row = 0; row < 12; row++) text(c, 380, 34 + row * 20, 10, '#a6e3a1');
  for (let row = 0; row < 12; row += 3) text(c, 160, 34 + row * 20, 4, '#cba6f7');
  return c;
}

/** Quantises to the 256 most frequent colours (each pixel to the nearest of them), as terminal previews are published. */
function quantise256(c: Canvas): Canvas {
  const counts = new Map<number, number>();
  for (let i = 0; i < c.data.length; i += 4) {
    const key = (c.data[i]! << 16) | (c.data[i + 1]! << 8) | c.data[i + 2]!;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const palette = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 256).map(([k]) => [k >> 16, (k >> 8) & 255, k & 255] as const);
  const out = canvas(c.width, c.height);
  for (let y = 0; y < c.height; y++)
    for (let x = 0; x < c.width; x++) {
      const i = (y * c.width + x) * 4;
      let best = palette[0]!;
      let bestD = Infinity;
      for (const p of palette) {
        const d = (p[0] - c.data[i]!) ** 2 + (p[1] - c.data[i + 1]!) ** 2 + (p[2] - c.data[i + 2]!) ** 2;
        if (d < bestD) [best, bestD] = [p, d];
      }
      setPixel(out, x, y, best[0], best[1], best[2]);
    }
  return out;
}

/** Each pixel as a `factor` × `factor` block, as a frame exported at a larger scale. */
function upscale(c: Canvas, factor: number): Canvas {
  const out = canvas(c.width * factor, c.height * factor);
  for (let y = 0; y < out.height; y++)
    for (let x = 0; x < out.width; x++) {
      const i = (Math.floor(y / factor) * c.width + Math.floor(x / factor)) * 4;
      setPixel(out, x, y, c.data[i]!, c.data[i + 1]!, c.data[i + 2]!);
    }
  return out;
}

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

  it("does not report a window's 1 px outline along the capture's top and bottom as a colour", () => {
    const c = editorWindow();
    rect(c, 0, 0, 480, 1, '#505150');
    rect(c, 0, 299, 480, 1, '#505150');
    const { colors } = extractTier1(c);
    expect(near(colors, '#505150', 1)).toBe(false);
    expect(roleOf(colors, 'background')).toBe('#1e1e2e');
  });

  it("keeps a design frame's own stroke, which runs down its sides too", () => {
    const c = canvas(300, 200, '#ffffff');
    for (let row = 0; row < 8; row++) text(c, 20, 16 + row * 22, 30, '#1f2328');
    rect(c, 0, 0, 300, 1, '#d0d7de');
    rect(c, 0, 199, 300, 1, '#d0d7de');
    rect(c, 0, 0, 1, 200, '#d0d7de');
    rect(c, 299, 0, 1, 200, '#d0d7de');
    expect(near(extractTier1(c).colors, '#d0d7de', 1)).toBe(true);
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

  it('takes the editor area as the background, not the title and activity bars that line the frame', () => {
    const { colors } = extractTier1(editorWindow());
    expect(roleOf(colors, 'background')).toBe('#1e1e2e');
    expect(['#181825', '#11111b']).toContain(roleOf(colors, 'surface'));
    expect(roleOf(colors, 'text')).toBe('#cdd6f4');
    expect(roleOf(colors, 'text-muted')).toBe('#a6adc8');
  });

  it('takes the accent drawn in the chrome as the primary, not a syntax colour used more in the code', () => {
    // The same screen without the chrome's accent: the most used chromatic colour, as before.
    expect(roleOf(extractTier1(editorWithCode()).colors, 'primary')).toBe('#a6e3a1');
    // Mauve also on the sidebar's header and the active icon of the activity bar. No chromatic fill anywhere.
    const c = editorWithCode();
    text(c, 40, 28, 6, '#cba6f7'); // the sidebar's header
    rect(c, 8, 34, 12, 2, '#cba6f7'); // the active icon, as strokes
    rect(c, 8, 34, 2, 12, '#cba6f7');
    expect(roleOf(extractTier1(c).colors, 'primary')).toBe('#cba6f7');
  });

  it('names the same roles on a frame twice as large, which it reads only a sample of', () => {
    const small = editorWindow();
    for (let row = 0; row < 12; row++) text(small, 380, 34 + row * 20, 10, '#a6e3a1');
    text(small, 40, 28, 6, '#cba6f7');
    const large = upscale(small, 2);
    const roles = (c: Canvas) => Object.fromEntries(extractTier1(c).colors.filter((x) => x.role).map((x) => [x.role, x.hex]));
    const expected = roles(small);
    expect(expected).toMatchObject({ background: '#1e1e2e', text: '#cdd6f4', 'text-muted': '#a6adc8' });
    expect(roles(large)).toMatchObject(expected);
  });

  it('takes the page as the background when several cards sit on it, even if the cards cover more', () => {
    const c = canvas(400, 300, '#f1f5f9');
    for (const [x, y] of [[16, 16], [208, 16], [16, 158], [208, 158]] as const) {
      rect(c, x, y, 176, 126, '#ffffff');
      for (let row = 0; row < 4; row++) text(c, x + 12, y + 14 + row * 18, 20, '#0f172a');
    }
    const { colors } = extractTier1(c);
    expect(colors[0]!.hex).toBe('#ffffff');
    expect(roleOf(colors, 'background')).toBe('#f1f5f9');
    expect(roleOf(colors, 'surface')).toBe('#ffffff');
  });

  it('takes the neutral strokes as text, not a saturated icon beside them', () => {
    const c = canvas(360, 240, '#ffffff');
    for (let row = 0; row < 8; row++) {
      rect(c, 16, 16 + row * 26, 16, 16, '#f97316'); // a filled icon
      text(c, 44, 19 + row * 26, 30, '#24292f');
    }
    const { colors } = extractTier1(c);
    expect(roleOf(colors, 'text')).toBe('#24292f');
    expect(roleOfHex(colors, '#f97316')).not.toBe('text');
  });

  it('keeps an avatar out of the roles: its dark hair is not the text colour', () => {
    const c = canvas(360, 280, '#ffffff');
    for (let row = 0; row < 5; row++) {
      const y = 12 + row * 54;
      photo(c, 12, y, 44, 44, 7 + row);
      for (let x = 16; x < 52; x += 2) rect(c, x, y + 2, 1, 20, '#050505'); // hair: black strands inside the photo
      text(c, 70, y + 8, 36, '#334155');
      text(c, 70, y + 26, 24, '#64748b');
    }
    const { colors } = extractTier1(c);
    expect(roleOf(colors, 'text')).toBe('#334155');
    expect(roleOfHex(colors, '#050505')).toBeUndefined();
  });

  it('finds a one-pixel border between two surfaces and names it border', () => {
    const c = canvas(400, 260, '#ffffff');
    rect(c, 0, 0, 120, 260, '#f6f8fa'); // sidebar
    rect(c, 120, 0, 1, 260, '#d0d7de'); // the rule between sidebar and content
    rect(c, 121, 48, 279, 1, '#d0d7de'); // the rule under the header
    for (let row = 0; row < 8; row++) text(c, 140, 64 + row * 22, 30, '#1f2328');
    for (let row = 0; row < 8; row++) text(c, 12, 64 + row * 22, 14, '#59636e');
    const { colors } = extractTier1(c);
    expect(roleOf(colors, 'background')).toBe('#ffffff');
    expect(roleOf(colors, 'surface')).toBe('#f6f8fa');
    expect(roleOf(colors, 'border')).toBe('#d0d7de');
    expect(roleOf(colors, 'text')).toBe('#1f2328');
  });

  it('finds the theme on a 256-colour quantised copy without reporting its quantised blends', () => {
    const theme = ['#282a36', '#f8f8f2', '#ff5555', '#50fa7b', '#f1fa8c', '#bd93f9', '#ff79c6', '#8be9fd'];
    const c = canvas(480, 300, theme[0]);
    for (let row = 0; row < 14; row++) text(c, 12, 8 + row * 20, 34, theme[1 + (row % 7)]!);
    for (let k = 0; k < 6; k++) rect(c, 240 + k * 38, 40, 30, 200, theme[2 + k]!);
    const { colors } = extractTier1(quantise256(c));
    for (const hex of theme) expect(near(colors, hex)).toBe(true);
    const phantoms = colors.filter((p) => !theme.some((t) => (deltaEHex(p.hex, t) ?? 99) < 5));
    expect(phantoms).toEqual([]);
    expect(roleOf(colors, 'background')).toBe('#282a36');
  });
});
