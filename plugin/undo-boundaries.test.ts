import { describe, expect, it } from 'vitest';
import { pluginMessageSchema, type PluginMessage } from '../core/messages/plugin-messages.ts';
import type { PaletteColor } from '../core/palette/palette-color.ts';
import { conflictColor } from '../test/fakes/conflict-color.ts';
import { createFigmaFake, type FigmaFake } from '../test/fakes/figma-fake.ts';
import { runBuiltPlugin } from '../test/fakes/run-built-plugin.ts';

const SOURCE = { nodes: [{ id: '1:2', name: 'Home' }] };
const BACKGROUND: PaletteColor = { hex: '#ffffff', role: 'background', share: 0.5, votes: [{ extractor: 'flat-regions', hex: '#ffffff', weight: 1 }] };
const PRIMARY = conflictColor('#3366ff', 'primary', 0.2, [
  { hex: '#3366ff', weight: 2, measured: false, votes: [{ extractor: 'openai', weight: 2 }] },
  { hex: '#ff6633', weight: 1.5, measured: true, votes: [{ extractor: 'flat-regions', weight: 1.5 }] },
]);
const RECOLOURED: PaletteColor[] = [{ ...BACKGROUND, hex: '#fafafa', votes: [{ extractor: 'flat-regions', hex: '#fafafa', weight: 1 }] }, PRIMARY];

let nextId = 1;
async function ask(fake: FigmaFake, request: Record<string, unknown>): Promise<PluginMessage> {
  return pluginMessageSchema.parse(await fake.request({ ...request, id: `u${nextId++}` }));
}

function writeRequest(palette: PaletteColor[]): Record<string, unknown> {
  return { type: 'write-styles', palette, source: SOURCE, options: { prefix: 'Chorus', overwriteEdited: false } };
}

function started(): FigmaFake {
  const fake = createFigmaFake();
  runBuiltPlugin(fake);
  return fake;
}

describe('undo boundaries: each Chorus action is exactly one step', () => {
  it('keeps a failed, rolled-back write out of the next action’s undo step', async () => {
    // Twin files: one where a review pick failed half-way between two writes, one without it.
    const withFailure = started();
    const without = started();
    for (const fake of [withFailure, without]) expect((await ask(fake, writeRequest([BACKGROUND, PRIMARY]))).type).toBe('write-styles-done');

    const primary = withFailure.listPaintStyles().find((style) => style.name === 'Chorus/primary')!;
    withFailure.failNext('setSharedPluginData', { after: 1, message: 'Figma said no' });
    expect(await ask(withFailure, { type: 'resolve-review', styleId: primary.id, hex: '#ff6633' })).toMatchObject({ type: 'failed' });
    // Closed off at once, not left pending for whatever comes next.
    expect(withFailure.undo.pending).toEqual([]);
    const afterFailure = withFailure.snapshotStyles();

    for (const fake of [withFailure, without]) expect((await ask(fake, writeRequest(RECOLOURED))).type).toBe('write-styles-done');
    // The second write's step holds its own changes only, the same as in the file that had no failure.
    expect(withFailure.undo.steps.at(-1)).toEqual(without.undo.steps.at(-1));
    // One Ctrl+Z takes back the second write and nothing before it.
    withFailure.undo.undo();
    expect(withFailure.snapshotStyles()).toEqual(afterFailure);
  });

  it('gives each of three writes in a row its own step', async () => {
    const fake = started();
    expect((await ask(fake, writeRequest([BACKGROUND]))).type).toBe('write-styles-done');
    expect((await ask(fake, writeRequest(RECOLOURED))).type).toBe('write-styles-done');
    expect((await ask(fake, { type: 'resolve-all-reviews' })).type).toBe('resolve-all-reviews-done');
    // Three actions that changed the file, three steps, nothing pending.
    expect(fake.undo.steps).toHaveLength(3);
    expect(fake.undo.pending).toEqual([]);
  });

  it('adds no step for a request that changes nothing in the file', async () => {
    const fake = started();
    const frame = fake.addFrame({ name: 'Home', width: 10, height: 10 });
    fake.select([frame]);
    await fake.settle();
    for (const request of [{ type: 'export-selection' }, { type: 'list-reviews' }, { type: 'load-settings' }, { type: 'export-file-tokens', prefix: 'Chorus' }]) {
      expect((await ask(fake, request)).type).toBe(`${request.type}-done`);
    }
    expect(fake.undo.steps).toEqual([]);
  });
});
