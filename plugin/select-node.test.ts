import { describe, expect, it } from 'vitest';
import { pluginMessageSchema } from '../core/messages/plugin-messages.ts';
import { createFigmaFake, type FigmaFake } from '../test/fakes/figma-fake.ts';
import { runBuiltPlugin } from '../test/fakes/run-built-plugin.ts';

async function started(): Promise<FigmaFake> {
  const fake = createFigmaFake();
  runBuiltPlugin(fake);
  await fake.settle();
  return fake;
}

let nextId = 1;
async function selectNode(fake: FigmaFake, nodeId: string) {
  return pluginMessageSchema.parse(await fake.request({ type: 'select-node', id: `n${nextId++}`, nodeId }));
}

describe('select-node', () => {
  it('switches to the frame’s page, selects it and scrolls it into view', async () => {
    const fake = await started();
    const marketing = fake.addPage('Marketing');
    fake.addFrame({ name: 'Home', width: 100, height: 100 });
    const ad = fake.addFrame({ name: 'Ad', width: 100, height: 100, page: marketing });

    expect(await selectNode(fake, ad.id)).toMatchObject({ type: 'select-node-done', found: true });

    expect(fake.figma.currentPage.id).toBe(marketing.id);
    expect(fake.figma.currentPage.selection.map((n) => n.id)).toEqual([ad.id]);
    expect(fake.viewportCalls).toEqual([[ad.id]]);
    // The UI hears about the new selection as it does for the designer's own.
    await fake.settle();
    expect(fake.posted.at(-1)).toEqual({ type: 'selection-changed', nodes: [{ id: ad.id, name: 'Ad', exportable: true }] });
  });

  it('stays on the page when the frame is on the current one', async () => {
    const fake = await started();
    const home = fake.addFrame({ name: 'Home', width: 100, height: 100 });
    const first = fake.figma.currentPage.id;
    expect(await selectNode(fake, home.id)).toMatchObject({ found: true });
    expect(fake.figma.currentPage.id).toBe(first);
    expect(fake.figma.currentPage.selection.map((n) => n.id)).toEqual([home.id]);
  });

  it('answers found: false for a frame deleted since, and changes nothing', async () => {
    const fake = await started();
    const home = fake.addFrame({ name: 'Home', width: 100, height: 100 });
    const other = fake.addFrame({ name: 'Other', width: 100, height: 100 });
    fake.select([other]);
    fake.removeNode(home);
    expect(await selectNode(fake, home.id)).toMatchObject({ type: 'select-node-done', found: false });
    expect(await selectNode(fake, '99:99')).toMatchObject({ found: false });
    expect(fake.figma.currentPage.selection.map((n) => n.id)).toEqual([other.id]);
    expect(fake.viewportCalls).toEqual([]);
  });

  it('reports a page switch Figma refuses as a failure', async () => {
    const fake = await started();
    const marketing = fake.addPage('Marketing');
    const ad = fake.addFrame({ name: 'Ad', width: 100, height: 100, page: marketing });
    fake.failNext('setCurrentPageAsync', { message: 'page failed to load' });
    expect(await selectNode(fake, ad.id)).toMatchObject({ type: 'failed', error: { code: 'INTERNAL' } });
  });
});
