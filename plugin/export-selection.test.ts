import { describe, expect, it } from 'vitest';
import { MAX_EXPORT_SIDE, pluginMessageSchema } from '../core/messages/plugin-messages.ts';
import { createFigmaFake, type FigmaFake } from '../test/fakes/figma-fake.ts';
import { runBuiltPlugin } from '../test/fakes/run-built-plugin.ts';

async function started(): Promise<FigmaFake> {
  const fake = createFigmaFake();
  runBuiltPlugin(fake);
  await fake.settle();
  return fake;
}

/** Sends export-selection and returns every message the plugin posted in answer. */
async function exportNow(fake: FigmaFake, id = 'e1') {
  await fake.settle();
  const from = fake.posted.length;
  const reply = pluginMessageSchema.parse(await fake.request({ type: 'export-selection', id }));
  return { reply, posted: fake.posted.slice(from) };
}

describe('export-selection', () => {
  it('exports each selected frame as an sRGB PNG, in selection order', async () => {
    const fake = await started();
    const home = fake.addFrame({ name: 'Home', width: 375, height: 812, png: Uint8Array.from([137, 80, 78, 71, 1]) });
    const card = fake.addFrame({ name: 'Card', width: 320, height: 200, png: Uint8Array.from([137, 80, 78, 71, 2]) });
    fake.select([card, home]);
    const { reply } = await exportNow(fake);
    expect(reply).toEqual({
      type: 'export-selection-done',
      id: 'e1',
      images: [
        { nodeId: card.id, name: 'Card', png: Uint8Array.from([137, 80, 78, 71, 2]) },
        { nodeId: home.id, name: 'Home', png: Uint8Array.from([137, 80, 78, 71, 1]) },
      ],
    });
    expect(fake.exports.map((e) => e.settings)).toEqual([
      { format: 'PNG', colorProfile: 'SRGB', constraint: { type: 'SCALE', value: 1 } },
      { format: 'PNG', colorProfile: 'SRGB', constraint: { type: 'SCALE', value: 1 } },
    ]);
  });

  it('caps the longer side at MAX_EXPORT_SIDE and never upscales', async () => {
    const fake = await started();
    const wide = fake.addFrame({ name: 'Wide', width: 4096, height: 1024 });
    const tall = fake.addFrame({ name: 'Tall', width: 1000, height: 3000 });
    const exact = fake.addFrame({ name: 'Exact', width: MAX_EXPORT_SIDE, height: 10 });
    const tiny = fake.addFrame({ name: 'Tiny', width: 16, height: 16 });
    fake.select([wide, tall, exact, tiny]);
    await exportNow(fake);
    expect(fake.exports.map((e) => [e.outputWidth, e.outputHeight])).toEqual([
      [2048, 512],
      [683, 2048],
      [2048, 10],
      [16, 16],
    ]);
  });

  it('answers NO_SELECTION, and nothing else happens, when nothing is selected', async () => {
    const fake = await started();
    fake.addFrame({ name: 'Home', width: 10, height: 10 });
    const { reply, posted } = await exportNow(fake);
    expect(reply).toMatchObject({ type: 'failed', id: 'e1', error: { code: 'NO_SELECTION' } });
    if (reply.type === 'failed') expect(reply.error.message).toMatch(/Select one or more frames/);
    expect(posted).toEqual([reply]);
    expect(fake.exports).toEqual([]);
    expect(fake.notifications).toEqual([]);
  });

  it('skips layers that cannot be exported and exports the rest', async () => {
    const fake = await started();
    const home = fake.addFrame({ name: 'Home', width: 10, height: 10 });
    const widget = fake.addUnexportableNode({ name: 'Voting widget' });
    fake.select([home, widget]);
    const { reply } = await exportNow(fake);
    expect(reply).toMatchObject({ type: 'export-selection-done', images: [{ nodeId: home.id, name: 'Home' }] });
    expect(fake.exports.map((e) => e.nodeId)).toEqual([home.id]);
  });

  it('answers NOT_EXPORTABLE naming the node when nothing selected can be exported, exporting nothing', async () => {
    const fake = await started();
    const widget = fake.addUnexportableNode({ name: 'Voting widget' });
    fake.select([widget]);
    const { reply, posted } = await exportNow(fake);
    expect(reply).toMatchObject({ type: 'failed', error: { code: 'NOT_EXPORTABLE' } });
    if (reply.type === 'failed') expect(reply.error.message).toContain('"Voting widget"');
    expect(posted).toEqual([reply]);
    expect(fake.exports).toEqual([]);
  });

  it('answers EXPORT_FAILED naming the node when Figma cannot render it, with no images', async () => {
    const fake = await started();
    const home = fake.addFrame({ name: 'Home', width: 10, height: 10 });
    const empty = fake.addFrame({ name: 'Empty group', width: 10, height: 10, type: 'GROUP' });
    fake.failExport(empty, 'This node may not have any visible layers.');
    fake.select([home, empty]);
    const { reply, posted } = await exportNow(fake);
    expect(reply).toMatchObject({ type: 'failed', error: { code: 'EXPORT_FAILED' } });
    if (reply.type === 'failed') {
      expect(reply.error.message).toContain('"Empty group"');
      expect(reply.error.message).toContain('visible layers');
    }
    expect(posted).toEqual([reply]);
    expect(fake.notifications).toEqual([]);
    expect(fake.undo.steps).toEqual([]);
  });
});
