import { describe, expect, it } from 'vitest';
import { pluginMessageSchema, type PluginMessage, type Source } from '../core/messages/plugin-messages.ts';
import type { PaletteColor } from '../core/palette/palette-color.ts';
import { createFigmaFake, type FaultOp, type FigmaFake } from '../test/fakes/figma-fake.ts';
import { runBuiltPlugin } from '../test/fakes/run-built-plugin.ts';

const SOURCE: Source = { nodes: [{ id: '1:2', name: 'Home screen' }, { id: '1:3', name: 'Settings' }] };

function color(hex: string, share: number, extra: Partial<PaletteColor> = {}): PaletteColor {
  return { hex, share, votes: [{ extractor: 'cv-quantizer', hex, weight: 1 }], ...extra };
}

const PALETTE: PaletteColor[] = [
  color('#ffffff', 0.5, { role: 'background', confidence: 0.95 }),
  color('#1a1a2e', 0.2, { role: 'text' }),
  color('#3366ff', 0.1, {
    role: 'primary',
    name: 'Ocean blue',
    confidence: 0.87,
    votes: [
      { extractor: 'cv-quantizer', hex: '#3366ff', weight: 1 },
      { extractor: 'openai', hex: '#3468fe', weight: 2 },
    ],
  }),
  color('#ff9900', 0.05),
  color('#22aa55', 0.08),
];

function started(options: Parameters<typeof createFigmaFake>[0] = {}): FigmaFake {
  const fake = createFigmaFake(options);
  runBuiltPlugin(fake);
  return fake;
}

let nextId = 1;
async function write(
  fake: FigmaFake,
  palette: PaletteColor[] = PALETTE,
  options: { prefix?: string; overwriteEdited?: boolean } = {},
): Promise<PluginMessage> {
  const reply = await fake.request({
    type: 'write-styles',
    id: `w${nextId++}`,
    palette,
    source: SOURCE,
    options: { prefix: options.prefix ?? 'Chorus', overwriteEdited: options.overwriteEdited ?? false },
  });
  return pluginMessageSchema.parse(reply);
}

function summaryOf(reply: PluginMessage) {
  if (reply.type !== 'write-styles-done') throw new Error(`expected write-styles-done, got ${JSON.stringify(reply)}`);
  return reply.summary;
}

function styleNamed(fake: FigmaFake, name: string): PaintStyle {
  const style = fake.listPaintStyles().find((s) => s.name === name);
  if (!style) throw new Error(`no style named ${name}`);
  return style;
}

/** The style's single paint as 8-bit channels: the test's own reading, independent of the plugin's. */
function rgb255(style: PaintStyle): [number, number, number] {
  const paint = style.paints[0] as SolidPaint;
  return [paint.color.r, paint.color.g, paint.color.b].map((c) => Math.round(c * 255)) as [number, number, number];
}

describe('write-styles: first run', () => {
  it('creates one style per colour, named by role, unroled colours numbered by prominence', async () => {
    const fake = started();
    const summary = summaryOf(await write(fake));
    expect(fake.listPaintStyles().map((s) => s.name)).toEqual([
      'Chorus/background',
      'Chorus/text',
      'Chorus/primary',
      'Chorus/color-1',
      'Chorus/color-2',
    ]);
    expect(summary).toEqual({
      created: ['Chorus/background', 'Chorus/text', 'Chorus/primary', 'Chorus/color-1', 'Chorus/color-2'],
      updated: [],
      unchanged: [],
      keptDecisions: [],
      flagged: [],
      editedByHand: [],
    });
    // #22aa55 covers more pixels than #ff9900, so it is color-1.
    expect(rgb255(styleNamed(fake, 'Chorus/color-1'))).toEqual([0x22, 0xaa, 0x55]);
    expect(rgb255(styleNamed(fake, 'Chorus/primary'))).toEqual([0x33, 0x66, 0xff]);
  });

  it('writes one visible, opaque SOLID paint in Figma’s 0–1 units', async () => {
    const fake = started();
    await write(fake);
    const [paint, ...rest] = styleNamed(fake, 'Chorus/primary').paints;
    expect(rest).toEqual([]);
    expect(paint).toMatchObject({ type: 'SOLID', visible: true, opacity: 1, blendMode: 'NORMAL' });
    expect((paint as SolidPaint).color.r).toBeCloseTo(0x33 / 255, 6);
  });

  it('records provenance in the description and plugin data', async () => {
    const fake = started();
    await write(fake);
    const primary = styleNamed(fake, 'Chorus/primary');
    expect(primary.description).toContain('openai, cv-quantizer');
    expect(primary.description).toContain('Confidence: 87%');
    expect(primary.description).toContain('Ocean blue');
    expect(primary.description).toContain('From: Home screen, Settings');
    expect(primary.getSharedPluginData('chorus', 'slot')).toBe('primary');
    expect(primary.getSharedPluginData('chorus', 'hex')).toBe('#3366ff');
    expect(primary.getSharedPluginData('chorus', 'prefix')).toBe('Chorus');
  });

  it('suffixes a second colour with the same role', async () => {
    const fake = started();
    await write(fake, [color('#3366ff', 0.3, { role: 'primary' }), color('#1144cc', 0.1, { role: 'primary' })]);
    expect(fake.listPaintStyles().map((s) => s.name)).toEqual(['Chorus/primary', 'Chorus/primary-2']);
  });

  it('is one undo step: one undo removes everything it wrote', async () => {
    const fake = started();
    fake.addPaintStyle({ name: 'Mine/red', hex: '#ff0000' });
    const before = fake.snapshotStyles();
    await write(fake);
    expect(fake.undo.steps).toHaveLength(1);
    expect(fake.undo.pending).toEqual([]);
    fake.undo.undo();
    expect(fake.snapshotStyles()).toEqual(before);
  });

  it('says what happened in one notification', async () => {
    const fake = started();
    await write(fake);
    expect(fake.notifications.map((n) => n.shown)).toEqual(['Chorus: 5 styles created']);
  });

  it('reads styles only through the async API (the sync one throws under dynamic-page)', async () => {
    const fake = started();
    expect(() => fake.figma.getLocalPaintStyles()).toThrow(/dynamic-page/);
    expect((await write(fake)).type).toBe('write-styles-done');
    expect(fake.uncaughtErrors).toEqual([]);
  });
});

describe('write-styles: re-runs', () => {
  it('finds its styles again and changes nothing when the palette is the same', async () => {
    const fake = started();
    await write(fake);
    const ids = fake.listPaintStyles().map((s) => s.id);
    const summary = summaryOf(await write(fake));
    expect(fake.listPaintStyles().map((s) => s.id)).toEqual(ids);
    expect(summary.unchanged).toHaveLength(5);
    expect(summary.created).toEqual([]);
    expect(fake.undo.steps).toHaveLength(1);
    expect(fake.notifications.at(-1)?.shown).toBe('Chorus: 5 styles unchanged');
  });

  it('updates the same style in place when a colour changed, in one more undo step', async () => {
    const fake = started();
    await write(fake);
    const primaryId = styleNamed(fake, 'Chorus/primary').id;
    const next = PALETTE.map((c) => (c.role === 'primary' ? { ...c, hex: '#2255ee' } : c));
    const summary = summaryOf(await write(fake, next));
    expect(summary.updated).toEqual(['Chorus/primary']);
    expect(fake.listPaintStyles()).toHaveLength(5);
    const primary = styleNamed(fake, 'Chorus/primary');
    expect(primary.id).toBe(primaryId);
    expect(rgb255(primary)).toEqual([0x22, 0x55, 0xee]);
    expect(primary.getSharedPluginData('chorus', 'hex')).toBe('#2255ee');
    expect(fake.undo.steps).toHaveLength(2);
    expect(fake.notifications.at(-1)?.shown).toBe('Chorus: 1 style updated, 4 unchanged');
  });

  it('finds a style the designer renamed, updates it and keeps their name', async () => {
    const fake = started();
    await write(fake);
    const primary = styleNamed(fake, 'Chorus/primary');
    fake.editStyle(primary, { name: 'Brand/Blue 500' });
    const next = PALETTE.map((c) => (c.role === 'primary' ? { ...c, hex: '#2255ee' } : c));
    const summary = summaryOf(await write(fake, next));
    expect(summary.updated).toEqual(['Brand/Blue 500']);
    expect(fake.listPaintStyles()).toHaveLength(5);
    expect(primary.name).toBe('Brand/Blue 500');
    expect(rgb255(primary)).toEqual([0x22, 0x55, 0xee]);
  });

  it('never adopts a style by name: a designer’s own "Chorus/primary" is left alone', async () => {
    const fake = started();
    const theirs = fake.addPaintStyle({ name: 'Chorus/primary', hex: '#000000' });
    await write(fake);
    expect(fake.listPaintStyles().filter((s) => s.name === 'Chorus/primary')).toHaveLength(2);
    expect(rgb255(theirs)).toEqual([0, 0, 0]);
  });

  it('keeps palettes under another prefix apart', async () => {
    const fake = started();
    await write(fake);
    await write(fake, PALETTE, { prefix: 'Marketing' });
    expect(fake.listPaintStyles()).toHaveLength(10);
  });
});

describe('write-styles: hand edits', () => {
  async function editedPrimary() {
    const fake = started();
    await write(fake);
    const primary = styleNamed(fake, 'Chorus/primary');
    fake.editStyle(primary, { hex: '#ff00ff' });
    const next = PALETTE.map((c) => (c.role === 'primary' ? { ...c, hex: '#2255ee' } : c));
    return { fake, primary, next };
  }

  it('reports a style edited by hand and leaves it as the designer made it', async () => {
    const { fake, primary, next } = await editedPrimary();
    const before = fake.snapshotStyles().find((s) => s.id === primary.id);
    const summary = summaryOf(await write(fake, next));
    expect(summary.editedByHand).toEqual([
      { styleId: primary.id, name: 'Chorus/primary', currentHex: '#ff00ff', proposedHex: '#2255ee' },
    ]);
    expect(summary.updated).toEqual([]);
    expect(fake.snapshotStyles().find((s) => s.id === primary.id)).toEqual(before);
    expect(fake.notifications.at(-1)?.shown).toBe('Chorus: 4 styles unchanged, 1 edited by hand kept');
  });

  it('reports a hand edit even if the palette did not change', async () => {
    const fake = started();
    await write(fake);
    fake.editStyle(styleNamed(fake, 'Chorus/text'), { hex: '#000000' });
    const summary = summaryOf(await write(fake));
    expect(summary.editedByHand.map((e) => e.name)).toEqual(['Chorus/text']);
  });

  it('treats a changed opacity as a hand edit, and shows it in the current colour', async () => {
    const fake = started();
    await write(fake);
    const text = styleNamed(fake, 'Chorus/text');
    fake.editStyle(text, { paints: [{ type: 'SOLID', color: (text.paints[0] as SolidPaint).color, opacity: 0.5 }] });
    const summary = summaryOf(await write(fake));
    expect(summary.editedByHand).toEqual([
      { styleId: text.id, name: 'Chorus/text', currentHex: '#1a1a2e80', proposedHex: '#1a1a2e' },
    ]);
  });

  it('overwrites a hand edit only when asked to', async () => {
    const { fake, primary, next } = await editedPrimary();
    const summary = summaryOf(await write(fake, next, { overwriteEdited: true }));
    expect(summary.updated).toEqual(['Chorus/primary']);
    expect(summary.editedByHand).toEqual([]);
    expect(rgb255(primary)).toEqual([0x22, 0x55, 0xee]);
    expect(primary.getSharedPluginData('chorus', 'hex')).toBe('#2255ee');
  });

  it('counts a hand edit that already matches the proposal as unchanged', async () => {
    const { fake, next } = await editedPrimary();
    fake.editStyle(styleNamed(fake, 'Chorus/primary'), { hex: '#2255ee' });
    const summary = summaryOf(await write(fake, next));
    expect(summary.unchanged).toContain('Chorus/primary');
    expect(summary.editedByHand).toEqual([]);
  });
});

describe('write-styles: failures leave no half-written palette', () => {
  const faults: [FaultOp, number][] = [
    ['createPaintStyle', 1],
    ['setPaints', 3],
    ['setDescription', 0],
    ['setSharedPluginData', 4],
    ['setName', 1],
  ];

  it.each(faults)('rolls back when %s fails mid-write (after %i good calls)', async (op, after) => {
    const fake = started();
    await write(fake, PALETTE.slice(0, 3));
    fake.editStyle(styleNamed(fake, 'Chorus/text'), { name: 'Ink' });
    const before = fake.snapshotStyles();
    const notificationsBefore = fake.notifications.length;
    const postedBefore = fake.posted.length;
    // Updates primary and background, creates two styles: the fault lands somewhere in the middle.
    const next = PALETTE.map((c) => (c.role === 'primary' || c.role === 'background' ? { ...c, hex: '#2255ee' } : c));
    fake.failNext(op, { after, message: 'Figma said no' });

    const reply = await write(fake, next);

    expect(reply).toMatchObject({ type: 'failed', error: { code: 'WRITE_FAILED' } });
    if (reply.type === 'failed') expect(reply.error.message).toContain('Figma said no');
    expect(fake.snapshotStyles()).toEqual(before);
    // The failed action is closed off as its own (net empty) step: nothing of it folds into the next one.
    expect(fake.undo.pending).toEqual([]);
    expect(fake.notifications).toHaveLength(notificationsBefore);
    expect(fake.posted.slice(postedBefore)).toEqual([reply]);
  });

  it('fails cleanly when the styles cannot even be read', async () => {
    const fake = started();
    fake.failNext('getLocalPaintStylesAsync');
    const reply = await write(fake);
    expect(reply).toMatchObject({ type: 'failed', error: { code: 'INTERNAL' } });
    expect(fake.listPaintStyles()).toEqual([]);
  });
});
