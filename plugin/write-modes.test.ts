import { describe, expect, it } from 'vitest';
import type { ModeVersion } from '../core/messages/modes-messages.ts';
import { createFigmaFake } from '../test/fakes/figma-fake.ts';
import { writeModes } from './write-modes.ts';

const light: ModeVersion = { name: 'Light', colors: [{ role: 'background', hex: '#ffffff' }, { role: 'text', hex: '#1f2328' }, { role: 'primary', hex: '#0969da' }] };
const dark: ModeVersion = { name: 'Dark', colors: [{ role: 'background', hex: '#0d1117' }, { role: 'text', hex: '#e6edf3' }, { role: 'primary', hex: '#2f81f7' }] };
const contrast: ModeVersion = { name: 'High contrast', colors: [{ role: 'background', hex: '#000000' }, { role: 'text', hex: '#ffffff' }, { role: 'primary', hex: '#71b7ff' }] };

const hexOf = (value: VariableValue | undefined) => {
  const { r, g, b } = value as RGBA;
  return `#${[r, g, b].map((c) => Math.round(c * 255).toString(16).padStart(2, '0')).join('')}`;
};

describe('light and dark as modes', () => {
  it('writes one collection with a mode per version and a variable per role, one undo step', async () => {
    const fake = createFigmaFake({ modeLimit: 4 });
    const result = await writeModes(fake.figma, 'Chorus', [light, dark]);
    expect(result).toEqual({ collection: 'Chorus modes', written: ['Light', 'Dark'], skipped: [], unpaired: [] });
    const [collection] = fake.listVariableCollections();
    expect(collection!.modes.map((m) => m.name)).toEqual(['Light', 'Dark']);
    const text = fake.listVariables().find((v) => v.name === 'Chorus/text')!;
    expect(collection!.modes.map((m) => hexOf(text.valuesByMode[m.modeId]))).toEqual(['#1f2328', '#e6edf3']);
    expect(fake.undo.steps).toHaveLength(1);
    fake.undo.undo();
    expect(fake.listVariableCollections()).toEqual([]);
  });

  it('adds a mode to the existing Chorus collection later, updating the modes it has', async () => {
    const fake = createFigmaFake({ modeLimit: 4 });
    await writeModes(fake.figma, 'Chorus', [light, dark]);
    const result = await writeModes(fake.figma, 'Chorus', [light, contrast]);
    expect(result.written).toEqual(['Light', 'High contrast']);
    expect(fake.listVariableCollections()[0]!.modes.map((m) => m.name)).toEqual(['Light', 'Dark', 'High contrast']);
    expect(fake.listVariables().filter((v) => v.name.startsWith('Chorus/'))).toHaveLength(3);
  });

  it('at the plan\'s mode limit, writes the versions that fit whole and says which did not', async () => {
    const fake = createFigmaFake(); // Starter: one mode per collection.
    const result = await writeModes(fake.figma, 'Chorus', [light, dark, contrast]);
    expect(result).toMatchObject({ written: ['Light'], skipped: ['Dark', 'High contrast'], limit: 1 });
    const [collection] = fake.listVariableCollections();
    expect(collection!.modes.map((m) => m.name)).toEqual(['Light']);
    const background = fake.listVariables().find((v) => v.name === 'Chorus/background')!;
    expect(hexOf(background.valuesByMode[collection!.defaultModeId])).toBe('#ffffff');
  });

  it('writes only the roles every version has', async () => {
    const fake = createFigmaFake({ modeLimit: 4 });
    const result = await writeModes(fake.figma, 'Chorus', [light, { name: 'Dark', colors: dark.colors.filter((c) => c.role !== 'primary') }]);
    expect(result.unpaired).toEqual(['primary']);
    expect(fake.listVariables().map((v) => v.name).sort()).toEqual(['Chorus/background', 'Chorus/text']);
  });
});
