import { describe, expect, it } from 'vitest';
import { pluginMessageSchema, type PluginMessage } from '../core/messages/plugin-messages.ts';
import type { PaletteColor } from '../core/palette/palette-color.ts';
import { conflictColor } from '../test/fakes/conflict-color.ts';
import { createFigmaFake, type FigmaFake } from '../test/fakes/figma-fake.ts';
import { runBuiltPlugin } from '../test/fakes/run-built-plugin.ts';

const SOURCE = { nodes: [{ id: '1:2', name: 'Home' }] };
const PRIMARY = conflictColor('#3366ff', 'primary', 0.2, [
  { hex: '#3366ff', weight: 2, measured: false, votes: [{ extractor: 'openai', weight: 2 }] },
  { hex: '#ff6633', weight: 1.5, measured: true, votes: [{ extractor: 'flat-regions', weight: 1.5 }] },
]);
const TEXT: PaletteColor = { hex: '#111111', role: 'text', share: 0.3, votes: [{ extractor: 'flat-regions', hex: '#111111', weight: 1 }] };

let nextId = 1;
async function ask(fake: FigmaFake, request: Record<string, unknown>): Promise<PluginMessage> {
  return pluginMessageSchema.parse(await fake.request({ ...request, id: `s${nextId++}` }));
}

function done<T extends PluginMessage['type']>(reply: PluginMessage, type: T): Extract<PluginMessage, { type: T }> {
  if (reply.type !== type) throw new Error(`expected ${type}, got ${JSON.stringify(reply)}`);
  return reply as Extract<PluginMessage, { type: T }>;
}

const write = (palette: PaletteColor[]) => ({ type: 'write-styles', palette, source: SOURCE, options: { prefix: 'Chorus', overwriteEdited: false, variables: true } });

/** A file as Chorus 0.1 left it: its keys in private plugin data. Made by writing with this Chorus, then moving shared → private. */
async function fileFromAnEarlierChorus(): Promise<FigmaFake> {
  const fake = createFigmaFake();
  runBuiltPlugin(fake);
  done(await ask(fake, write([PRIMARY, TEXT])), 'write-styles-done');
  const owners: { sharedEntries(): Record<string, string> }[] = [...fake.listPaintStyles() as never[], ...fake.listVariables(), ...fake.listVariableCollections()];
  for (const owner of owners) {
    const entries = owner.sharedEntries();
    const asPrivate = Object.fromEntries(Object.keys(entries).map((key) => [key, entries[key]!]));
    const cleared = Object.fromEntries(Object.keys(entries).map((key) => [key, '']));
    if ('paints' in owner) fake.editStyle(owner as unknown as PaintStyle, { pluginData: asPrivate, sharedPluginData: cleared });
    else if ('valuesByMode' in owner) fake.editVariable(owner as unknown as Variable, { pluginData: asPrivate, sharedPluginData: cleared });
    // The collection keeps its key in shared data: the migration of styles and variables is what is under test.
  }
  // An earlier Chorus never marked the file as migrated (this setup's first write did).
  fake.figma.root.setSharedPluginData('chorus', 'migrated-from-private', '');
  fake.figma.commitUndo();
  fake.relaunch();
  runBuiltPlugin(fake);
  return fake;
}

describe('Chorus’s data in shared plugin data (namespace chorus)', () => {
  it('writes its keys, flags and provenance where a new plugin id still reads them', async () => {
    const fake = createFigmaFake();
    runBuiltPlugin(fake);
    done(await ask(fake, write([PRIMARY, TEXT])), 'write-styles-done');
    const primary = fake.snapshotStyles().find((s) => s.name === 'Chorus/primary')!;
    expect(primary.pluginData).toEqual({});
    expect(Object.keys(primary.sharedPluginData)).toEqual(expect.arrayContaining(['chorus.prefix', 'chorus.slot', 'chorus.hex', 'chorus.review']));

    // Published under a Figma-assigned id: private data is out of reach; nothing Chorus needs was there.
    fake.changePluginId();
    fake.relaunch();
    runBuiltPlugin(fake);
    const again = done(await ask(fake, write([PRIMARY, TEXT])), 'write-styles-done').summary;
    expect(again.created).toEqual([]);
    expect(fake.listPaintStyles()).toHaveLength(2);
    expect(done(await ask(fake, { type: 'list-reviews' }), 'list-reviews-done').reviews.map((r) => r.styleName)).toEqual(['Chorus/primary']);
  });

  it('reads what an earlier version kept privately, and moves it to shared data at the first write', async () => {
    const fake = await fileFromAnEarlierChorus();
    fake.seedDocumentPluginData('chorus.learning', JSON.stringify({ openai: { agreed: 1, decided: 1 } }));
    // Reading changes nothing in the file, yet finds the old flags.
    const steps = fake.undo.steps.length;
    expect(done(await ask(fake, { type: 'list-reviews' }), 'list-reviews-done').reviews.map((r) => r.styleName)).toEqual(['Chorus/primary']);
    expect(fake.undo.steps).toHaveLength(steps);

    const summary = done(await ask(fake, write([PRIMARY, TEXT])), 'write-styles-done').summary;
    expect(summary.created).toEqual([]);
    expect(fake.listPaintStyles()).toHaveLength(2);
    for (const style of fake.snapshotStyles()) {
      expect(style.pluginData).toEqual({});
      expect(style.sharedPluginData['chorus.slot']).not.toBeUndefined();
    }
    for (const variable of fake.snapshotVariables().variables) expect(variable.pluginData).toEqual({});
    expect(fake.figma.root.getPluginData('chorus.learning')).toBe('');
    expect(fake.figma.root.getSharedPluginData('chorus', 'learning')).toBe(JSON.stringify({ openai: { agreed: 1, decided: 1 } }));

    // Then the id changes: everything is still found.
    fake.changePluginId();
    fake.relaunch();
    runBuiltPlugin(fake);
    expect(done(await ask(fake, write([PRIMARY, TEXT])), 'write-styles-done').summary.created).toEqual([]);
    expect(done(await ask(fake, { type: 'load-learning' }), 'load-learning-done').learning).toEqual({ openai: { agreed: 1, decided: 1 } });
  });

  it('without the migration, a new plugin id would have duplicated every style', async () => {
    // The failure the migration prevents, shown on the same file.
    const fake = await fileFromAnEarlierChorus();
    fake.changePluginId();
    const summary = done(await ask(fake, write([PRIMARY, TEXT])), 'write-styles-done').summary;
    expect([...summary.created].sort()).toEqual(['Chorus/primary', 'Chorus/text']);
  });
});
