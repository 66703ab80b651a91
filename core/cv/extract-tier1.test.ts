import { describe, expect, it } from 'vitest';
import { deltaEHex } from '../color/index.ts';
import { canvas, gradient, lightScreen, photo, rect, text } from '../../test/images/synthetic-image.ts';
import { extractFlatRegions } from './extract-flat-regions.ts';
import { extractOklabClusters } from './extract-oklab-clusters.ts';
import { extractTier1, extractTier1Many } from './extract-tier1.ts';
import type { ExtractedColor } from './extracted-color.ts';
import { TIER1_EXTRACTORS } from './tier1-extractors.ts';

const near = (colors: readonly { hex: string }[], hex: string, de = 3) => colors.some((c) => (deltaEHex(c.hex, hex) ?? 99) < de);
const hexes = (colors: readonly ExtractedColor[]) => colors.map((c) => c.hex);

describe.each(TIER1_EXTRACTORS.map((e) => [e.id, e.extract] as const))('%s', (_id, extract) => {
  it('finds the one colour of a single-colour image, with the whole share', () => {
    const { colors } = extract(canvas(64, 48, '#3366cc'));
    expect(hexes(colors)).toEqual(['#3366cc']);
    expect(colors[0]!.share).toBeCloseTo(1, 5);
    expect(colors[0]!.role).toBe('background');
  });

  it('handles a 1×1 image', () => {
    expect(hexes(extract(canvas(1, 1, '#ff0000')).colors)).toEqual(['#ff0000']);
  });

  it('ignores transparent pixels and returns nothing for a fully transparent image', () => {
    expect(extract(canvas(16, 16, '#000000', 0)).colors).toEqual([]);
    const c = canvas(40, 40, '#000000', 0);
    rect(c, 10, 10, 20, 20, '#22aa55');
    expect(hexes(extract(c).colors)).toEqual(['#22aa55']);
  });

  it('finds page, card, ink and button of a small UI screen, most prominent first', () => {
    const { colors } = extract(lightScreen());
    expect(colors[0]!.hex).toBe('#ffffff');
    for (const hex of ['#f3f4f6', '#111827', '#2563eb']) expect(near(colors, hex, 1)).toBe(true);
    for (let i = 1; i < colors.length; i++) expect(colors[i]!.share).toBeLessThanOrEqual(colors[i - 1]!.share);
  });

  it('names background, text and primary on a light screen', () => {
    const { colors } = extract(lightScreen());
    const role = (r: string) => colors.find((c) => c.role === r)?.hex;
    expect(role('background')).toBe('#ffffff');
    expect(role('text')).toBe('#111827');
    expect(role('primary')).toBe('#2563eb');
  });

  it('names background and text on a dark screen', () => {
    const c = canvas(300, 200, '#0d1117');
    rect(c, 10, 10, 280, 150, '#161b22');
    for (let row = 0; row < 6; row++) text(c, 20, 20 + row * 20, 40, '#e6edf3');
    rect(c, 10, 168, 90, 24, '#2f81f7');
    const { colors } = extract(c);
    expect(colors.find((x) => x.role === 'text')?.hex).toBe('#e6edf3');
    expect(colors.find((x) => x.role === 'primary')?.hex).toBe('#2f81f7');
  });

  it('is deterministic', () => {
    const c = lightScreen();
    photo(c, 150, 30, 100, 60, 3);
    expect(extract(c)).toEqual(extract(c));
  });

  it('reads a large frame within a bounded pixel budget and still finds its colours', () => {
    const c = canvas(4000, 2600, '#fafaf9');
    rect(c, 0, 0, 600, 2600, '#ffffff');
    rect(c, 800, 400, 2000, 40, '#0d9488');
    const { colors } = extract(c);
    expect(near(colors, '#fafaf9', 1) && near(colors, '#ffffff', 1) && near(colors, '#0d9488', 1)).toBe(true);
  });
});

// Blend and noise rejection is the UI-aware extractor's job, and so the vote's; the quantiser
// reports what it sees and is outvoted.
describe.each([
  ['flat-regions', extractFlatRegions],
  ['the tier-1 vote', extractTier1],
] as const)('%s', (_id, extract) => {
  it('does not report the anti-aliased blends around text', () => {
    const { colors } = extract(lightScreen());
    // Every colour reported is within ΔE 3 of a colour that was drawn.
    const drawn = ['#ffffff', '#f3f4f6', '#111827', '#2563eb'];
    for (const c of colors) expect(near(drawn.map((hex) => ({ hex })), c.hex)).toBe(true);
  });

  it('does not let a photo flood the palette', () => {
    const c = lightScreen(400, 300);
    photo(c, 200, 20, 180, 120, 7);
    const { colors } = extract(c);
    expect(colors.length).toBeLessThanOrEqual(8);
    expect(near(colors, '#ffffff', 1) && near(colors, '#111827', 1)).toBe(true);
  });

  it('does not break a gradient into a flood of steps', () => {
    const c = canvas(400, 200, '#ffffff');
    gradient(c, 0, 0, 400, 60, '#1e3a8a', '#9333ea');
    text(c, 20, 100, 40, '#111827');
    const { colors } = extract(c);
    expect(colors.length).toBeLessThanOrEqual(6);
    expect(colors[0]!.hex).toBe('#ffffff');
  });

});

describe('extractTier1', () => {
  it('gives colours both extractors saw the most confidence', () => {
    const { colors, extractions } = extractTier1(lightScreen());
    expect(extractions.map((e) => e.extractor)).toEqual(TIER1_EXTRACTORS.map((e) => e.id));
    const bg = colors.find((c) => c.hex === '#ffffff')!;
    expect(bg.votes.map((v) => v.extractor).sort()).toEqual(TIER1_EXTRACTORS.map((e) => e.id).sort());
    expect(bg.confidence).toBeCloseTo(0.95, 6);
  });

  it('pools several frames by their area', () => {
    const big = canvas(200, 100, '#ffffff');
    const small = canvas(50, 40, '#000000');
    const { colors } = extractTier1Many([big, small]);
    expect(colors.map((c) => c.hex)).toEqual(['#ffffff', '#000000']);
    expect(colors[0]!.share).toBeCloseTo(20000 / 22000, 5);
    expect(colors[1]!.share).toBeCloseTo(2000 / 22000, 5);
  });

  it('counts a colour present in two frames once', () => {
    const a = lightScreen();
    const b = lightScreen();
    expect(extractTier1Many([a, b]).colors.map((c) => c.hex)).toEqual(extractTier1(a).colors.map((c) => c.hex));
  });
});

describe('the extractors differ in method', () => {
  it('the flat-region counter keeps a thin colour the quantiser may fold into a neighbour, and both keep the big ones', () => {
    const c = lightScreen();
    expect(near(extractFlatRegions(c).colors, '#111827', 0.5)).toBe(true);
    expect(near(extractOklabClusters(c).colors, '#ffffff', 0.5)).toBe(true);
  });
});
