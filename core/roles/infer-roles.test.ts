import { describe, expect, it } from 'vitest';
import type { ColorStructure } from './color-structure.ts';
import { inferRoles } from './infer-roles.ts';

/** A colour's structure with everything zero but what the test states. */
const structure = (s: Partial<ColorStructure>): ColorStructure => ({
  share: 0, stroke: 0, fill: 0, rule: 0, content: 0, grounds: [], enclosedBy: -1, enclosedShare: 0, enclosedLargest: 0, ...s,
});

const palette = (...pairs: [string, number][]) => pairs.map(([hex, share]) => ({ hex, share }));
const roleOf = (colors: { hex: string; role?: string }[], hex: string) => colors.find((c) => c.hex === hex)?.role;

describe('inferRoles', () => {
  it('names a light screen: largest is background, readable neutral is text, vivid is primary', () => {
    const out = inferRoles(palette(['#ffffff', 0.7], ['#f3f4f6', 0.2], ['#2563eb', 0.04], ['#111827', 0.02], ['#6b7280', 0.01], ['#e5e7eb', 0.005]));
    expect(out.map((c) => c.role)).toEqual(['background', 'surface', 'primary', 'text', 'text-muted', 'border']);
  });

  it('names a dark screen', () => {
    const out = inferRoles(palette(['#0d1117', 0.8], ['#161b22', 0.1], ['#2f81f7', 0.03], ['#e6edf3', 0.02], ['#7d8590', 0.01]));
    expect(roleOf(out, '#0d1117')).toBe('background');
    expect(roleOf(out, '#161b22')).toBe('surface');
    expect(roleOf(out, '#e6edf3')).toBe('text');
    expect(roleOf(out, '#7d8590')).toBe('text-muted');
    expect(roleOf(out, '#2f81f7')).toBe('primary');
  });

  it('takes the colour that several larger regions sit on as the background, not the largest area', () => {
    const colors = palette(['#ffffff', 0.7], ['#f8fafc', 0.13], ['#0f172a', 0.02]);
    expect(roleOf(inferRoles(colors), '#ffffff')).toBe('background');
    // White cards, several, each enclosed by the grey page.
    const cards = inferRoles(colors, [structure({ share: 0.7, fill: 0.7, enclosedBy: 1, enclosedShare: 0.8, enclosedLargest: 0.3 }), structure({ share: 0.13, fill: 0.13 }), structure({ share: 0.02, stroke: 0.015 })]);
    expect(roleOf(cards, '#f8fafc')).toBe('background');
    expect(roleOf(cards, '#ffffff')).toBe('surface');
  });

  it('keeps one large region framed by window chrome as the background', () => {
    const colors = palette(['#002b36', 0.8], ['#073642', 0.1], ['#839496', 0.01]);
    const framed = inferRoles(colors, [structure({ share: 0.8, fill: 0.8, enclosedBy: 1, enclosedShare: 0.95, enclosedLargest: 0.97 }), structure({ share: 0.1, fill: 0.1 }), structure({ share: 0.01, stroke: 0.008 })]);
    expect(roleOf(framed, '#002b36')).toBe('background');
    expect(roleOf(framed, '#073642')).toBe('surface');
    expect(roleOf(framed, '#839496')).toBe('text');
  });

  it('ignores an enclosing colour that covers too little of the frame (a stroke around it)', () => {
    const colors = palette(['#ffffff', 0.9], ['#d0d7de', 0.01]);
    expect(roleOf(inferRoles(colors, [structure({ share: 0.9, fill: 0.9, enclosedBy: 1, enclosedShare: 1, enclosedLargest: 0.5 }), structure({ share: 0.01, rule: 0.01 })]), '#ffffff')).toBe('background');
  });

  it('takes the ink that draws the most legible strokes as text, not a brighter colour used in passing', () => {
    // A terminal: its foreground draws the glyphs; bright white appears on a line or two.
    const colors = palette(['#1e1e1e', 0.78], ['#cccccc', 0.045], ['#e5e5e5', 0.011], ['#767676', 0.006]);
    const out = inferRoles(colors, [structure({ share: 0.78, fill: 0.76 }), structure({ share: 0.045, stroke: 0.028, fill: 0.01 }), structure({ share: 0.011, stroke: 0.0014, fill: 0.008 }), structure({ share: 0.006, stroke: 0.006 })]);
    expect(roleOf(out, '#cccccc')).toBe('text');
    expect(roleOf(out, '#767676')).toBe('text-muted');
  });

  it('keeps a dark text colour that also fills the navigation bar as the text', () => {
    const colors = palette(['#ffffff', 0.7], ['#222222', 0.05], ['#2b2b2b', 0.0006]);
    const out = inferRoles(colors, [structure({ share: 0.7, fill: 0.7 }), structure({ share: 0.05, stroke: 0.0022, fill: 0.047 }), structure({ share: 0.0006, stroke: 0.0004 })]);
    expect(roleOf(out, '#222222')).toBe('text');
  });

  it('takes a chromatic fill (a button, a status-bar item) as primary rather than a syntax colour drawn as strokes', () => {
    const colors = palette(['#282c34', 0.8], ['#abb2bf', 0.01], ['#c678dd', 0.004], ['#4d78cc', 0.002]);
    const out = inferRoles(colors, [structure({ share: 0.8, fill: 0.8 }), structure({ share: 0.01, stroke: 0.01 }), structure({ share: 0.004, stroke: 0.004 }), structure({ share: 0.002, fill: 0.002 })]);
    expect(roleOf(out, '#4d78cc')).toBe('primary');
    expect(roleOf(out, '#abb2bf')).toBe('text');
  });

  it('with no chromatic fill, takes the chromatic ink drawn in the chrome as primary, not the most used syntax colour', () => {
    const colors = palette(['#1e1e2e', 0.7], ['#181825', 0.2], ['#cdd6f4', 0.01], ['#a6e3a1', 0.004], ['#cba6f7', 0.002]);
    const onBackground = [1, 0, 0, 0, 0];
    const out = inferRoles(colors, [
      structure({ share: 0.7, fill: 0.7 }),
      structure({ share: 0.2, fill: 0.2, grounds: [1, 0, 0, 0, 0] }),
      structure({ share: 0.01, stroke: 0.01, grounds: [0.7, 0.3, 0, 0, 0] }),
      structure({ share: 0.004, stroke: 0.004, grounds: [0.98, 0.02, 0, 0, 0] }),
      structure({ share: 0.002, stroke: 0.002, grounds: [0.75, 0.25, 0, 0, 0] }),
    ]);
    expect(roleOf(out, '#cba6f7')).toBe('primary');
    // Drawn only in the document, the most used chromatic ink stays the primary.
    const document = inferRoles(colors, [
      structure({ share: 0.7, fill: 0.7 }),
      structure({ share: 0.2, fill: 0.2, grounds: onBackground }),
      structure({ share: 0.01, stroke: 0.01, grounds: [0.7, 0.3, 0, 0, 0] }),
      structure({ share: 0.004, stroke: 0.004, grounds: onBackground }),
      structure({ share: 0.002, stroke: 0.002, grounds: onBackground }),
    ]);
    expect(roleOf(document, '#a6e3a1')).toBe('primary');
  });

  it('gives no role to a colour found mostly inside a photo or an avatar', () => {
    const colors = palette(['#ffffff', 0.8], ['#111111', 0.02], ['#333333', 0.01]);
    const out = inferRoles(colors, [structure({ share: 0.8, fill: 0.8 }), structure({ share: 0.02, stroke: 0.01, fill: 0.01, content: 0.018 }), structure({ share: 0.01, stroke: 0.01 })]);
    expect(roleOf(out, '#111111')).toBeUndefined();
    expect(roleOf(out, '#333333')).toBe('text');
  });

  it('prefers the most contrasting of the inks used for text, not a vivid readable brand colour', () => {
    const out = inferRoles(palette(['#3b4252', 0.8], ['#88c0d0', 0.03], ['#eceff4', 0.006], ['#d8dee9', 0.004]));
    expect(roleOf(out, '#eceff4')).toBe('text');
    expect(roleOf(out, '#88c0d0')).toBe('primary');
  });

  it('names status colours by hue, never the primary', () => {
    const out = inferRoles(palette(['#ffffff', 0.8], ['#111827', 0.05], ['#dc2626', 0.03], ['#16a34a', 0.01], ['#f59e0b', 0.01], ['#ef4444', 0.005]));
    expect(roleOf(out, '#dc2626')).toBe('primary');
    expect(roleOf(out, '#16a34a')).toBe('success');
    expect(roleOf(out, '#f59e0b')).toBe('warning');
    expect(roleOf(out, '#ef4444')).not.toBe('primary');
  });

  it('keeps order and leaves colours it cannot place without a role', () => {
    const out = inferRoles(palette(['#ffffff', 0.9], ['#fefefe', 0.001]));
    expect(out.map((c) => c.hex)).toEqual(['#ffffff', '#fefefe']);
    expect(out[0]!.role).toBe('background');
  });

  it('returns an empty list for an empty palette', () => {
    expect(inferRoles([])).toEqual([]);
  });
});
