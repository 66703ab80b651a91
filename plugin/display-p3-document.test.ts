import { describe, expect, it } from 'vitest';
import { pluginMessageSchema, type PluginMessage } from '../core/messages/plugin-messages.ts';
import type { PaletteColor } from '../core/palette/palette-color.ts';
import { conflictColor } from '../test/fakes/conflict-color.ts';
import { createFigmaFake, type FigmaFake } from '../test/fakes/figma-fake.ts';
import { runBuiltPlugin } from '../test/fakes/run-built-plugin.ts';

/**
 * Reference values, not the code's: sRGB red, green and blue as Display P3 (CSS Color 4's
 * conversion sample; color(display-p3 0.9175 0.2003 0.1386) is sRGB red), and P3 #3366cc as sRGB
 * #1b68d3, P3 #e53935 as sRGB #f91927 (issue 11, measured with a colour-managed decoder).
 */
const SRGB_RED_IN_P3 = { r: 0.9175, g: 0.2003, b: 0.1386 };

const SOURCE = { nodes: [{ id: '1:2', name: 'Home' }] };
const RED: PaletteColor = { hex: '#ff0000', role: 'primary', share: 0.3, votes: [{ extractor: 'flat-regions', hex: '#ff0000', weight: 1 }] };
const INK: PaletteColor = { hex: '#1a1a2e', role: 'text', share: 0.2, votes: [{ extractor: 'flat-regions', hex: '#1a1a2e', weight: 1 }] };
const ACCENT = conflictColor('#3366cc', 'accent', 0.1, [
  { hex: '#3366cc', weight: 2, measured: true, votes: [{ extractor: 'flat-regions', weight: 2 }] },
  { hex: '#2255ee', weight: 1.5, measured: false, votes: [{ extractor: 'openai', weight: 1.5 }] },
]);

let nextId = 1;
async function ask(fake: FigmaFake, request: Record<string, unknown>): Promise<PluginMessage> {
  return pluginMessageSchema.parse(await fake.request({ ...request, id: `p${nextId++}` }));
}

function done<T extends PluginMessage['type']>(reply: PluginMessage, type: T): Extract<PluginMessage, { type: T }> {
  if (reply.type !== type) throw new Error(`expected ${type}, got ${JSON.stringify(reply)}`);
  return reply as Extract<PluginMessage, { type: T }>;
}

async function write(fake: FigmaFake, palette: PaletteColor[], variables = false) {
  const reply = await ask(fake, { type: 'write-styles', palette, source: SOURCE, options: { prefix: 'Chorus', overwriteEdited: false, variables } });
  return done(reply, 'write-styles-done').summary;
}

function started(documentColorProfile: 'LEGACY' | 'SRGB' | 'DISPLAY_P3'): FigmaFake {
  const fake = createFigmaFake({ documentColorProfile });
  runBuiltPlugin(fake);
  return fake;
}

function paintOf(fake: FigmaFake, name: string): RGB {
  const style = fake.listPaintStyles().find((s) => s.name === name);
  if (!style) throw new Error(`no style ${name}`);
  return (style.paints[0] as SolidPaint).color;
}

describe('a Display P3 document', () => {
  it('gets sRGB colours converted into P3 in styles and variables', async () => {
    const fake = started('DISPLAY_P3');
    await write(fake, [RED, INK], true);
    const paint = paintOf(fake, 'Chorus/primary');
    expect(paint.r).toBeCloseTo(SRGB_RED_IN_P3.r, 3);
    expect(paint.g).toBeCloseTo(SRGB_RED_IN_P3.g, 3);
    expect(paint.b).toBeCloseTo(SRGB_RED_IN_P3.b, 3);
    const variable = fake.listVariables().find((v) => v.name.endsWith('primary'))!;
    const value = Object.values(variable.valuesByMode)[0] as RGBA;
    expect(value.r).toBeCloseTo(SRGB_RED_IN_P3.r, 3);
    // What Chorus keeps for itself stays sRGB.
    expect(fake.listPaintStyles().find((s) => s.name === 'Chorus/primary')!.getSharedPluginData('chorus', 'hex')).toBe('#ff0000');
  });

  it('reads its own colours back as the sRGB it wrote: a re-run changes nothing, export gives the same hex', async () => {
    const fake = started('DISPLAY_P3');
    await write(fake, [RED, INK, ACCENT]);
    const again = await write(fake, [RED, INK, ACCENT]);
    expect(again.editedByHand).toEqual([]);
    expect(again.updated).toEqual([]);
    const colors = done(await ask(fake, { type: 'export-file-tokens', prefix: 'Chorus' }), 'export-file-tokens-done').colors;
    expect(colors.map((c) => c.hex).sort()).toEqual(['#1a1a2e', '#3366cc', '#ff0000']);
    const reviews = done(await ask(fake, { type: 'list-reviews' }), 'list-reviews-done').reviews;
    expect(reviews.map((r) => r.currentHex)).toEqual(['#3366cc']);
  });

  it('reports a colour the designer set in P3 as its sRGB value', async () => {
    const fake = started('DISPLAY_P3');
    await write(fake, [RED, INK]);
    const primary = fake.listPaintStyles().find((s) => s.name === 'Chorus/primary')!;
    // In a P3 file Figma's picker takes P3 values: the designer typed #3366cc there.
    fake.editStyle(primary, { hex: '#3366cc' });
    const summary = await write(fake, [RED, INK]);
    expect(summary.editedByHand).toEqual([expect.objectContaining({ name: 'Chorus/primary', currentHex: '#1b68d3', proposedHex: '#ff0000' })]);
  });

  it('flags a P3 colour sRGB cannot show instead of clipping it silently', async () => {
    const fake = started('DISPLAY_P3');
    await write(fake, [RED, INK]);
    const primary = fake.listPaintStyles().find((s) => s.name === 'Chorus/primary')!;
    fake.editStyle(primary, { paints: [{ type: 'SOLID', color: { r: 1, g: 0, b: 0 } }] });
    const before = fake.notifications.length;
    const colors = done(await ask(fake, { type: 'export-file-tokens', prefix: 'Chorus' }), 'export-file-tokens-done').colors;
    expect(colors.find((c) => c.role === 'primary')?.hex).toBe('#ff0000');
    expect(fake.notifications.slice(before).map((n) => n.shown)).toEqual([expect.stringContaining('beyond sRGB')]);
  });
});

describe.each(['SRGB', 'LEGACY'] as const)('a %s document', (profile) => {
  it('gets the sRGB numbers as they are', async () => {
    const fake = started(profile);
    await write(fake, [RED, INK]);
    expect(paintOf(fake, 'Chorus/primary')).toEqual({ r: 1, g: 0, b: 0 });
    const primary = fake.listPaintStyles().find((s) => s.name === 'Chorus/primary')!;
    fake.editStyle(primary, { hex: '#3366cc' });
    expect((await write(fake, [RED, INK])).editedByHand).toEqual([expect.objectContaining({ currentHex: '#3366cc' })]);
    expect(fake.notifications.every((n) => !n.shown.includes('sRGB'))).toBe(true);
  });
});
