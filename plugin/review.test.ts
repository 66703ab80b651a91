import { afterEach, describe, expect, it, vi } from 'vitest';
import { pluginMessageSchema, type PluginMessage, type Source } from '../core/messages/plugin-messages.ts';
import type { PaletteCandidate, PaletteColor } from '../core/palette/palette-color.ts';
import { conflictColor } from '../test/fakes/conflict-color.ts';
import { createFigmaFake, type FigmaFake } from '../test/fakes/figma-fake.ts';
import { runBuiltPlugin } from '../test/fakes/run-built-plugin.ts';

const SOURCE: Source = { nodes: [{ id: '1:2', name: 'Home screen' }] };

const PRIMARY_CANDIDATES: PaletteCandidate[] = [
  { hex: '#3366ff', weight: 2.3, measured: false, name: 'Ocean blue', votes: [{ extractor: 'openai', weight: 1.2 }, { extractor: 'claude', weight: 1.1 }] },
  { hex: '#ff6633', weight: 2, measured: true, votes: [{ extractor: 'flat-regions', weight: 1 }, { extractor: 'oklab-clusters', weight: 1 }] },
  { hex: '#22aa55', weight: 0.8, measured: true, votes: [{ extractor: 'material', weight: 0.8 }] },
];
const TEXT_CANDIDATES: PaletteCandidate[] = [
  { hex: '#111111', weight: 1.2, measured: true, votes: [{ extractor: 'flat-regions', weight: 1.2 }] },
  { hex: '#333344', weight: 1.1, measured: false, votes: [{ extractor: 'openai', weight: 1.1 }] },
];

const PRIMARY = conflictColor('#3366ff', 'primary', 0.2, PRIMARY_CANDIDATES);
const TEXT = conflictColor('#111111', 'text', 0.3, TEXT_CANDIDATES);
const BACKGROUND: PaletteColor = { hex: '#ffffff', role: 'background', share: 0.5, confidence: 0.95, votes: [{ extractor: 'flat-regions', hex: '#ffffff', weight: 1 }] };

function started(fake = createFigmaFake()): FigmaFake {
  runBuiltPlugin(fake);
  return fake;
}

let nextId = 1;
async function ask(fake: FigmaFake, request: Record<string, unknown>): Promise<PluginMessage> {
  return pluginMessageSchema.parse(await fake.request({ ...request, id: `q${nextId++}` }));
}

async function write(fake: FigmaFake, palette: PaletteColor[] = [BACKGROUND, PRIMARY, TEXT]): Promise<void> {
  const reply = await ask(fake, { type: 'write-styles', palette, source: SOURCE, options: { prefix: 'Chorus', overwriteEdited: false } });
  expect(reply.type).toBe('write-styles-done');
}

function done<T extends PluginMessage['type']>(reply: PluginMessage, type: T): Extract<PluginMessage, { type: T }> {
  if (reply.type !== type) throw new Error(`expected ${type}, got ${JSON.stringify(reply)}`);
  return reply as Extract<PluginMessage, { type: T }>;
}

function styleNamed(fake: FigmaFake, name: string): PaintStyle {
  const style = fake.listPaintStyles().find((s) => s.name === name);
  if (!style) throw new Error(`no style named ${name}`);
  return style;
}

function hexOf(style: PaintStyle): string {
  const { r, g, b } = (style.paints[0] as SolidPaint).color;
  return `#${[r, g, b].map((c) => Math.round(c * 255).toString(16).padStart(2, '0')).join('')}`;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('list-reviews', () => {
  it('reads every flagged style from the file: a new plugin run on the same document sees them', async () => {
    const fake = started();
    await write(fake);
    const primary = styleNamed(fake, 'Chorus/primary');
    const text = styleNamed(fake, 'Chorus/text');

    fake.relaunch();
    started(fake);
    const reply = done(await ask(fake, { type: 'list-reviews' }), 'list-reviews-done');

    expect(reply.reviews).toEqual([
      { styleId: text.id, styleName: 'Chorus/text', role: 'text', currentHex: '#111111', candidates: TEXT_CANDIDATES, source: SOURCE },
      { styleId: primary.id, styleName: 'Chorus/primary', role: 'primary', currentHex: '#3366ff', candidates: PRIMARY_CANDIDATES, source: SOURCE },
    ]);
    expect(reply.learning).toEqual({});
  });

  it('is empty when nothing needs review, and skips a marker it cannot read (saying so on the console)', async () => {
    const fake = started();
    await write(fake, [BACKGROUND]);
    expect(done(await ask(fake, { type: 'list-reviews' }), 'list-reviews-done').reviews).toEqual([]);

    await write(fake, [BACKGROUND, PRIMARY]);
    fake.editStyle(styleNamed(fake, 'Chorus/primary'), { sharedPluginData: { 'chorus.review': '{"v":2}' } });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(done(await ask(fake, { type: 'list-reviews' }), 'list-reviews-done').reviews).toEqual([]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('Chorus/primary'));
  });

  it('shows the colour a style has now, even after a hand edit', async () => {
    const fake = started();
    await write(fake, [PRIMARY]);
    fake.editStyle(styleNamed(fake, 'Chorus/primary'), { hex: '#000000' });
    expect(done(await ask(fake, { type: 'list-reviews' }), 'list-reviews-done').reviews[0]!.currentHex).toBe('#000000');
  });
});

describe('resolve-review', () => {
  it('sets the style, clears the flag, records the decision and what it teaches, in one undo step', async () => {
    const fake = started();
    await write(fake);
    const primary = styleNamed(fake, 'Chorus/primary');
    const before = fake.snapshotStyles();
    const steps = fake.undo.steps.length;

    const reply = done(await ask(fake, { type: 'resolve-review', styleId: primary.id, hex: '#ff6633' }), 'resolve-review-done');

    expect(hexOf(primary)).toBe('#ff6633');
    expect(primary.getSharedPluginData('chorus', 'review')).toBe('');
    expect(primary.description).toContain('Chosen by the designer in review');
    expect(primary.description).not.toContain('Review in Chorus');
    expect(primary.description).toContain('Voted by: flat-regions, oklab-clusters');
    expect(JSON.parse(primary.getSharedPluginData('chorus', 'decision'))).toEqual({ v: 1, hex: '#ff6633', candidates: ['#3366ff', '#ff6633', '#22aa55'] });
    expect(primary.getSharedPluginData('chorus', 'hex')).toBe('#ff6633');
    expect(reply.decision).toEqual({
      role: 'primary',
      chosenHex: '#ff6633',
      candidates: [
        { hex: '#3366ff', extractors: ['openai', 'claude'] },
        { hex: '#ff6633', extractors: ['flat-regions', 'oklab-clusters'] },
        { hex: '#22aa55', extractors: ['material'] },
      ],
    });
    const learning = {
      claude: { agreed: 0, decided: 1 },
      'flat-regions': { agreed: 1, decided: 1 },
      material: { agreed: 0, decided: 1 },
      'oklab-clusters': { agreed: 1, decided: 1 },
      openai: { agreed: 0, decided: 1 },
    };
    expect(reply.learning).toEqual(learning);
    expect(JSON.parse(fake.figma.root.getSharedPluginData('chorus', 'learning'))).toEqual(learning);

    // One undo step: Ctrl+Z brings back the flag, the old colour and the learning.
    expect(fake.undo.steps).toHaveLength(steps + 1);
    expect(fake.undo.pending).toEqual([]);
    fake.undo.undo();
    expect(fake.snapshotStyles()).toEqual(before);
    expect(fake.figma.root.getSharedPluginData('chorus', 'learning')).toBe('');
    expect(done(await ask(fake, { type: 'list-reviews' }), 'list-reviews-done').reviews).toHaveLength(2);
  });

  it('takes the style out of the review list', async () => {
    const fake = started();
    await write(fake);
    await ask(fake, { type: 'resolve-review', styleId: styleNamed(fake, 'Chorus/primary').id, hex: '#3366ff' });
    const reviews = done(await ask(fake, { type: 'list-reviews' }), 'list-reviews-done').reviews;
    expect(reviews.map((r) => r.styleName)).toEqual(['Chorus/text']);
  });

  it('adds up what the decisions teach, and load-learning reads it back in a new run', async () => {
    const fake = started();
    await write(fake);
    await ask(fake, { type: 'resolve-review', styleId: styleNamed(fake, 'Chorus/primary').id, hex: '#ff6633' });
    const second = done(await ask(fake, { type: 'resolve-review', styleId: styleNamed(fake, 'Chorus/text').id, hex: '#333344' }), 'resolve-review-done');
    expect(second.learning['flat-regions']).toEqual({ agreed: 1, decided: 2 });
    expect(second.learning['openai']).toEqual({ agreed: 1, decided: 2 });

    fake.relaunch();
    started(fake);
    expect(done(await ask(fake, { type: 'load-learning' }), 'load-learning-done').learning).toEqual(second.learning);
  });

  it('accepts a colour that was no candidate, and counts it against every voter', async () => {
    const fake = started();
    await write(fake, [TEXT]);
    const reply = done(await ask(fake, { type: 'resolve-review', styleId: styleNamed(fake, 'Chorus/text').id, hex: '#000000' }), 'resolve-review-done');
    expect(hexOf(styleNamed(fake, 'Chorus/text'))).toBe('#000000');
    expect(reply.learning).toEqual({ 'flat-regions': { agreed: 0, decided: 1 }, openai: { agreed: 0, decided: 1 } });
    expect(styleNamed(fake, 'Chorus/text').description).toContain('the designer’s own colour');
  });

  it.each([
    ['a style that does not exist', () => 'S:0000000000000000000000000000000000000099,', /can’t find that style/],
    ['a style that is not flagged', (fake: FigmaFake) => styleNamed(fake, 'Chorus/background').id, /no longer needs review/],
  ])('refuses %s with a sentence, and changes nothing', async (_, styleId, message) => {
    const fake = started();
    await write(fake);
    const before = fake.snapshotStyles();
    const steps = fake.undo.steps.length;
    const reply = await ask(fake, { type: 'resolve-review', styleId: styleId(fake), hex: '#000000' });
    expect(reply).toMatchObject({ type: 'failed', error: { code: 'WRITE_FAILED', message: expect.stringMatching(message) } });
    expect(fake.snapshotStyles()).toEqual(before);
    expect(fake.undo.steps).toHaveLength(steps);
  });

  it('rolls everything back when Figma refuses a write half-way', async () => {
    const fake = started();
    await write(fake);
    const before = fake.snapshotStyles();
    const steps = fake.undo.steps.length;
    fake.failNext('setSharedPluginData', { after: 1, message: 'Figma said no' });
    const reply = await ask(fake, { type: 'resolve-review', styleId: styleNamed(fake, 'Chorus/primary').id, hex: '#ff6633' });
    expect(reply).toMatchObject({ type: 'failed', error: { code: 'WRITE_FAILED', message: expect.stringContaining('Figma said no') } });
    expect(fake.snapshotStyles()).toEqual(before);
    expect(fake.figma.root.getSharedPluginData('chorus', 'learning')).toBe('');
    // The failed action is closed off as its own (net empty) step: nothing of it folds into the next one.
    expect(fake.undo.pending).toEqual([]);
  });
});

describe('resolve-all-reviews', () => {
  it('gives every flagged style its first candidate, in one undo step', async () => {
    const fake = started();
    await write(fake);
    const before = fake.snapshotStyles();
    const steps = fake.undo.steps.length;

    const reply = done(await ask(fake, { type: 'resolve-all-reviews' }), 'resolve-all-reviews-done');

    expect(reply.decisions.map((d) => [d.role, d.chosenHex])).toEqual([
      ['text', '#111111'],
      ['primary', '#3366ff'],
    ]);
    expect(hexOf(styleNamed(fake, 'Chorus/primary'))).toBe('#3366ff');
    expect(done(await ask(fake, { type: 'list-reviews' }), 'list-reviews-done').reviews).toEqual([]);
    expect(reply.learning).toEqual({
      claude: { agreed: 1, decided: 1 },
      'flat-regions': { agreed: 1, decided: 2 },
      material: { agreed: 0, decided: 1 },
      'oklab-clusters': { agreed: 0, decided: 1 },
      openai: { agreed: 1, decided: 2 },
    });
    expect(fake.undo.steps).toHaveLength(steps + 1);
    fake.undo.undo();
    expect(fake.snapshotStyles()).toEqual(before);
  });

  it('changes nothing when nothing is flagged', async () => {
    const fake = started();
    await write(fake, [BACKGROUND]);
    const steps = fake.undo.steps.length;
    expect(done(await ask(fake, { type: 'resolve-all-reviews' }), 'resolve-all-reviews-done')).toMatchObject({ decisions: [], learning: {} });
    expect(fake.undo.steps).toHaveLength(steps);
  });
});

describe('load-learning', () => {
  it('is empty in a file Chorus never learned in', async () => {
    const fake = started();
    expect(done(await ask(fake, { type: 'load-learning' }), 'load-learning-done').learning).toEqual({});
  });

  it('treats stored data it cannot read as empty, says so on the console, and starts afresh on the next decision', async () => {
    const fake = started();
    fake.seedDocumentPluginData('chorus.learning', '{"openai":{"agreed":"lots"}}');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(done(await ask(fake, { type: 'load-learning' }), 'load-learning-done').learning).toEqual({});
    expect(warn).toHaveBeenCalledOnce();
    await write(fake, [TEXT]);
    const reply = done(await ask(fake, { type: 'resolve-review', styleId: styleNamed(fake, 'Chorus/text').id, hex: '#111111' }), 'resolve-review-done');
    expect(reply.learning).toEqual({ 'flat-regions': { agreed: 1, decided: 1 }, openai: { agreed: 0, decided: 1 } });
  });
});
