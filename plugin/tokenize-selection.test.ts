import { describe, expect, it } from 'vitest';
import { createFigmaFake } from '../test/fakes/figma-fake.ts';
import { solid } from '../test/fakes/screen-layers.ts';
import { CHORUS_STYLE_DATA } from './chorus-style-data.ts';
import { applyTokenize, previewTokenize } from './tokenize-selection.ts';

function file() {
  const fake = createFigmaFake();
  const brand = fake.addVariableCollection('Brand');
  const accent = fake.addColorVariable(brand, 'accent/emphasis', '#0969da');
  const chorus = fake.addVariableCollection('Chorus');
  const own = (name: string, hex: string, slot: string) => {
    const v = fake.addColorVariable(chorus, name, hex);
    fake.editVariable(v, { pluginData: { [CHORUS_STYLE_DATA.prefix]: 'Chorus', [CHORUS_STYLE_DATA.slot]: slot } });
    return v;
  };
  const background = own('Chorus/background', '#ffffff', 'background');
  const primary = own('Chorus/primary', '#000000', 'primary');
  fake.editVariable(primary, { value: { type: 'VARIABLE_ALIAS', id: accent.id } });
  const bound = { ...solid('#ffffff'), boundVariables: { color: { type: 'VARIABLE_ALIAS' as const, id: background.id } } };
  const root = fake.addLayers({
    type: 'FRAME',
    name: 'Screen',
    width: 400,
    height: 300,
    fills: [solid('#ffffff')],
    children: [
      { type: 'FRAME', name: 'Button', width: 80, height: 30, fills: [solid('#0a6adb')], strokes: [solid('#0969da')], children: [] },
      { type: 'RECTANGLE', name: 'Already bound', width: 10, height: 10, fills: [bound] },
      { type: 'RECTANGLE', name: 'Different', width: 10, height: 10, fills: [solid('#0550ae')] },
      { type: 'TEXT', name: 'Mixed', width: 50, height: 20, text: [{ characters: 'a', fills: [solid('#ffffff')] }, { characters: 'b', fills: [solid('#0969da')] }] },
    ],
  });
  fake.select([root]);
  return { fake, accent, background, root };
}

describe('tokenize the selection', () => {
  it('previews, per variable, the fills and strokes within tolerance; already bound, farther or mixed text are not counted', async () => {
    const { fake } = file();
    const preview = await previewTokenize(fake.figma, 'Chorus');
    expect(preview.counts.map((c) => [c.variableName, c.fills, c.strokes])).toEqual([
      ['accent/emphasis', 1, 1],
      ['Chorus/background', 1, 0],
    ]);
    expect(preview).toMatchObject({ alreadyBound: 1, outside: 1, mixedText: 1, cut: false });
    expect(fake.undo.pending).toEqual([]);
  });

  it('binds them in one undo step (a reused alias binds the design system\'s own variable), and undo puts every paint back', async () => {
    const { fake, accent, background, root } = file();
    const before = JSON.stringify(root.children.map((c) => [c.fills, c.strokes]));
    await applyTokenize(fake.figma, 'Chorus');
    const button = root.children[0]!;
    expect((button.fills as SolidPaint[])[0]!.boundVariables?.color?.id).toBe(accent.id);
    expect((button.strokes as SolidPaint[])[0]!.boundVariables?.color?.id).toBe(accent.id);
    expect((root.fills as SolidPaint[])[0]!.boundVariables?.color?.id).toBe(background.id);
    expect((root.children[2]!.fills as SolidPaint[])[0]!.boundVariables).toEqual({});
    expect(fake.undo.steps).toHaveLength(1);
    fake.undo.undo();
    expect(JSON.stringify(root.children.map((c) => [c.fills, c.strokes]))).toBe(before);
  });

  it('binds only the variables the designer kept in the preview', async () => {
    const { fake, root } = file();
    const preview = await previewTokenize(fake.figma, 'Chorus');
    const onlyBackground = preview.counts.filter((c) => c.variableName === 'Chorus/background').map((c) => c.variableId);
    await applyTokenize(fake.figma, 'Chorus', onlyBackground);
    expect((root.children[0]!.fills as SolidPaint[])[0]!.boundVariables).toEqual({});
  });
});
