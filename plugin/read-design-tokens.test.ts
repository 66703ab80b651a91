import { describe, expect, it } from 'vitest';
import { createFigmaFake } from '../test/fakes/figma-fake.ts';
import { CHORUS_STYLE_DATA } from './chorus-style-data.ts';
import { readDesignTokens } from './read-design-tokens.ts';

describe('readDesignTokens', () => {
  it("lists the file's colour variables (aliases followed) and single-solid paint styles, not Chorus's own", async () => {
    const fake = createFigmaFake();
    const collection = fake.addVariableCollection('Brand');
    const blue = fake.addColorVariable(collection, 'blue/600', '#0969da');
    const primary = fake.addColorVariable(collection, 'brand/primary', '#000000');
    fake.editVariable(primary, { value: { type: 'VARIABLE_ALIAS', id: blue.id } });
    const own = fake.addColorVariable(collection, 'Chorus/text', '#111111');
    fake.editVariable(own, { pluginData: { [CHORUS_STYLE_DATA.slot]: 'text', [CHORUS_STYLE_DATA.prefix]: 'Chorus' } });
    fake.addPaintStyle({ name: 'Text/Default', hex: '#1f2328' });
    fake.addPaintStyle({ name: 'Gradient', paints: [{ type: 'GRADIENT_LINEAR', gradientTransform: [[1, 0, 0], [0, 1, 0]], gradientStops: [] }] });
    const tokens = await readDesignTokens(fake.figma);
    expect(tokens.map((t) => [t.name, t.hex, t.kind])).toEqual([
      ['blue/600', '#0969da', 'variable'],
      ['brand/primary', '#0969da', 'variable'],
      ['Text/Default', '#1f2328', 'style'],
    ]);
  });
});
