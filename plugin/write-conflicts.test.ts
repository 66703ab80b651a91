import { describe, expect, it } from 'vitest';
import { pluginMessageSchema, type Source, type WriteSummary } from '../core/messages/plugin-messages.ts';
import type { PaletteCandidate, PaletteColor } from '../core/palette/palette-color.ts';
import { createFigmaFake, type FigmaFake } from '../test/fakes/figma-fake.ts';
import { reviewMarkerSchema } from './review-marker.ts';
import { runBuiltPlugin } from '../test/fakes/run-built-plugin.ts';

const SOURCE: Source = { nodes: [{ id: '1:2', name: 'Home screen' }, { id: '1:3', name: 'Settings' }] };

/** Extractors disagree on the primary: two models say blue, two CV extractors orange, one green. */
const CANDIDATES: PaletteCandidate[] = [
  { hex: '#3366ff', weight: 2.3, measured: false, name: 'Ocean blue', votes: [{ extractor: 'openai', weight: 1.2 }, { extractor: 'claude', weight: 1.1 }] },
  { hex: '#ff6633', weight: 2, measured: true, votes: [{ extractor: 'flat-regions', weight: 1 }, { extractor: 'oklab-clusters', weight: 1 }] },
  { hex: '#22aa55', weight: 0.8, measured: true, votes: [{ extractor: 'material', weight: 0.8 }] },
];

const PRIMARY_CONFLICT: PaletteColor = {
  hex: '#3366ff',
  role: 'primary',
  share: 0.2,
  confidence: 0.7,
  agreement: 0.45,
  conflict: true,
  votes: [
    { extractor: 'openai', hex: '#3366ff', weight: 1.2 },
    { extractor: 'claude', hex: '#3366ff', weight: 1.1 },
    { extractor: 'flat-regions', hex: '#ff6633', weight: 1 },
    { extractor: 'oklab-clusters', hex: '#ff6633', weight: 1 },
    { extractor: 'material', hex: '#22aa55', weight: 0.8 },
  ],
  candidates: CANDIDATES,
};

const BACKGROUND: PaletteColor = {
  hex: '#ffffff',
  role: 'background',
  share: 0.6,
  confidence: 0.95,
  agreement: 1,
  votes: [{ extractor: 'flat-regions', hex: '#ffffff', weight: 1 }],
};

function started(): FigmaFake {
  const fake = createFigmaFake();
  runBuiltPlugin(fake);
  return fake;
}

let nextId = 1;
async function write(fake: FigmaFake, palette: PaletteColor[], options: { overwriteEdited?: boolean } = {}): Promise<WriteSummary> {
  const reply = pluginMessageSchema.parse(
    await fake.request({
      type: 'write-styles',
      id: `w${nextId++}`,
      palette,
      source: SOURCE,
      options: { prefix: 'Chorus', overwriteEdited: options.overwriteEdited ?? false },
    }),
  );
  if (reply.type !== 'write-styles-done') throw new Error(`expected write-styles-done, got ${JSON.stringify(reply)}`);
  return reply.summary;
}

async function resolve(fake: FigmaFake, styleId: string, hex: string) {
  return pluginMessageSchema.parse(await fake.request({ type: 'resolve-review', id: `r${nextId++}`, styleId, hex }));
}

function styleNamed(fake: FigmaFake, name: string): PaintStyle {
  const style = fake.listPaintStyles().find((s) => s.name === name);
  if (!style) throw new Error(`no style named ${name}`);
  return style;
}

/** The test's own reading of a style's colour, independent of the plugin's. */
function hexOf(style: PaintStyle): string {
  const { r, g, b } = (style.paints[0] as SolidPaint).color;
  return `#${[r, g, b].map((c) => Math.round(c * 255).toString(16).padStart(2, '0')).join('')}`;
}

describe('write-styles: conflicts are flagged in the file', () => {
  it('writes the consensus value, a description saying what to review, and every candidate in plugin data', async () => {
    const fake = started();
    const summary = await write(fake, [BACKGROUND, PRIMARY_CONFLICT]);
    const primary = styleNamed(fake, 'Chorus/primary');

    expect(hexOf(primary)).toBe('#3366ff');
    expect(primary.description).toContain(
      'Review in Chorus: the extractors disagree — #3366ff (openai, claude), #ff6633 (flat-regions, oklab-clusters) or #22aa55 (material).',
    );
    const marker = reviewMarkerSchema.parse(JSON.parse(primary.getSharedPluginData('chorus', 'review')));
    expect(marker).toEqual({ v: 1, slot: 'primary', role: 'primary', hex: '#3366ff', agreement: 0.45, candidates: CANDIDATES, source: SOURCE });
    expect(summary.flagged).toEqual(['Chorus/primary']);
    expect(summary.created).toEqual(['Chorus/background', 'Chorus/primary']);
    expect(fake.notifications.at(-1)?.shown).toBe('Chorus: 2 styles created, 1 to review');
  });

  it('gives a colour without conflict its confidence and no marker', async () => {
    const fake = started();
    await write(fake, [BACKGROUND, PRIMARY_CONFLICT]);
    const background = styleNamed(fake, 'Chorus/background');
    expect(background.description).toContain('Confidence: 95%');
    expect(background.description).not.toContain('Review');
    expect(background.getSharedPluginData('chorus', 'review')).toBe('');
  });

  it('offers the voted colours when a conflict comes without its candidate list', async () => {
    const fake = started();
    const { candidates: _dropped, ...bare } = PRIMARY_CONFLICT;
    await write(fake, [bare]);
    const marker = reviewMarkerSchema.parse(JSON.parse(styleNamed(fake, 'Chorus/primary').getSharedPluginData('chorus', 'review')));
    expect(marker.candidates.map((c) => c.hex)).toEqual(['#3366ff', '#ff6633', '#22aa55']);
    expect(marker.candidates[1]!.votes).toEqual([{ extractor: 'flat-regions', weight: 1 }, { extractor: 'oklab-clusters', weight: 1 }]);
  });

  it('keeps the marker of the largest conflict the contract allows under Figma’s plugin-data limit', async () => {
    const fake = started();
    const extractor = (i: number) => `extractor-${String(i).padStart(2, '0')}-${'x'.repeat(50)}`;
    const candidates: PaletteCandidate[] = Array.from({ length: 16 }, (_, c) => ({
      hex: `#${c.toString(16).padStart(2, '0')}3366`,
      weight: 64,
      measured: false,
      name: 'n'.repeat(80),
      votes: Array.from({ length: 64 }, (_, v) => ({ extractor: extractor(v), weight: 1 })),
    }));
    const source: Source = { nodes: Array.from({ length: 100 }, (_, i) => ({ id: `1:${i}`, name: 'Frame '.repeat(42) })) };
    const reply = pluginMessageSchema.parse(
      await fake.request({
        type: 'write-styles',
        id: 'big',
        palette: [{ ...PRIMARY_CONFLICT, hex: candidates[0]!.hex, candidates }],
        source,
        options: { prefix: 'Chorus', overwriteEdited: false },
      }),
    );
    expect(reply.type).toBe('write-styles-done');
    const text = styleNamed(fake, 'Chorus/primary').getSharedPluginData('chorus', 'review');
    expect(new TextEncoder().encode(text).length).toBeLessThanOrEqual(64 * 1024);
    const marker = reviewMarkerSchema.parse(JSON.parse(text));
    expect(marker.candidates.map((c) => c.hex)).toEqual(candidates.map((c) => c.hex));
    expect(marker.source.nodes.map((n) => n.id)).toEqual(source.nodes.map((n) => n.id));
  });

  it('clears the flag when a later run agrees', async () => {
    const fake = started();
    await write(fake, [PRIMARY_CONFLICT]);
    const summary = await write(fake, [{ ...PRIMARY_CONFLICT, conflict: false, candidates: undefined, agreement: 0.9, confidence: 0.9 }]);
    const primary = styleNamed(fake, 'Chorus/primary');
    expect(summary.updated).toEqual(['Chorus/primary']);
    expect(summary.flagged).toEqual([]);
    expect(primary.getSharedPluginData('chorus', 'review')).toBe('');
    expect(primary.description).toContain('Confidence: 90%');
  });

  it('flags a style it wrote before when the colour turns out to be a conflict', async () => {
    const fake = started();
    await write(fake, [{ ...PRIMARY_CONFLICT, conflict: false, candidates: undefined }]);
    const summary = await write(fake, [PRIMARY_CONFLICT]);
    expect(summary.updated).toEqual(['Chorus/primary']);
    expect(summary.flagged).toEqual(['Chorus/primary']);
    expect(styleNamed(fake, 'Chorus/primary').getSharedPluginData('chorus', 'review')).not.toBe('');
  });

  it('lists a still-flagged style as flagged and unchanged on a repeat run', async () => {
    const fake = started();
    await write(fake, [PRIMARY_CONFLICT]);
    const summary = await write(fake, [PRIMARY_CONFLICT]);
    expect(summary.unchanged).toEqual(['Chorus/primary']);
    expect(summary.flagged).toEqual(['Chorus/primary']);
    expect(fake.undo.steps).toHaveLength(1);
  });
});

describe('write-styles: a resolved choice survives re-runs', () => {
  async function resolved() {
    const fake = started();
    await write(fake, [BACKGROUND, PRIMARY_CONFLICT]);
    const primary = styleNamed(fake, 'Chorus/primary');
    expect(await resolve(fake, primary.id, '#ff6633')).toMatchObject({ type: 'resolve-review-done' });
    return { fake, primary };
  }

  it('keeps the decided colour when the same conflict comes back, and does not flag it again', async () => {
    const { fake, primary } = await resolved();
    const before = fake.snapshotStyles();
    const summary = await write(fake, [BACKGROUND, PRIMARY_CONFLICT]);
    expect(summary.keptDecisions).toEqual(['Chorus/primary']);
    expect(summary.flagged).toEqual([]);
    expect(summary.updated).toEqual([]);
    expect(hexOf(primary)).toBe('#ff6633');
    expect(fake.snapshotStyles()).toEqual(before);
    expect(fake.notifications.at(-1)?.shown).toBe('Chorus: 1 style unchanged, 1 kept as decided');
  });

  it('keeps it too when a later vote settles on another colour', async () => {
    const { fake, primary } = await resolved();
    const summary = await write(fake, [{ ...PRIMARY_CONFLICT, hex: '#1144cc', conflict: false, candidates: undefined }]);
    expect(summary.keptDecisions).toEqual(['Chorus/primary']);
    expect(hexOf(primary)).toBe('#ff6633');
  });

  it('counts it unchanged when a later vote settles on the decided colour', async () => {
    const { fake, primary } = await resolved();
    const summary = await write(fake, [BACKGROUND, { ...PRIMARY_CONFLICT, hex: '#ff6633', conflict: false, candidates: undefined }]);
    expect(summary.unchanged).toEqual(['Chorus/background', 'Chorus/primary']);
    expect(summary.keptDecisions).toEqual([]);
    expect(hexOf(primary)).toBe('#ff6633');
  });

  it('still protects a hand edit made after the decision', async () => {
    const { fake, primary } = await resolved();
    fake.editStyle(primary, { hex: '#000000' });
    const summary = await write(fake, [PRIMARY_CONFLICT]);
    expect(summary.editedByHand).toEqual([{ styleId: primary.id, name: 'Chorus/primary', currentHex: '#000000', proposedHex: '#ff6633' }]);
    expect(hexOf(primary)).toBe('#000000');
    await write(fake, [PRIMARY_CONFLICT], { overwriteEdited: true });
    expect(hexOf(primary)).toBe('#ff6633');
  });
});
