import { describe, expect, it } from 'vitest';
import type { PaletteColor } from '../core/palette/palette-color.ts';
import { createFigmaFake } from '../test/fakes/figma-fake.ts';
import { planWrite } from './plan-write.ts';
import { writePlan } from './write-plan.ts';

const color = (hex: string, role: PaletteColor['role'], share: number): PaletteColor => ({ hex, ...(role ? { role } : {}), share, votes: [] });
const palette: PaletteColor[] = [
  color('#ffffff', 'background', 0.8),
  color('#0a6adb', 'primary', 0.02),
  color('#1f2328', 'text', 0.01),
  color('#cf222e', 'error', 0.001),
];
const source = { nodes: [{ id: '1:2', name: 'Login' }] };
const options = { prefix: 'Chorus', overwriteEdited: false, variables: true };

function seeded() {
  const fake = createFigmaFake();
  const brand = fake.addVariableCollection('Brand');
  fake.addColorVariable(brand, 'brand/primary', '#0969da');
  fake.addColorVariable(brand, 'brand/primary-hover', '#0550ae');
  fake.addPaintStyle({ name: 'Text/Default', hex: '#1f2328' });
  fake.enableLibrary({ libraryName: 'Primer', collectionName: 'Base', variables: [{ name: 'canvas/default', hex: '#ffffff' }] });
  return fake;
}

describe('reuse before create', () => {
  it('plans reuse of local variables, paint styles and library variables; writes aliases and only what is new, as one undo step; a second run changes nothing', async () => {
    const fake = seeded();
    const lines = await planWrite(fake.figma, palette, 'Chorus', []);
    expect(lines.map((l) => [l.key, l.action, l.token?.name])).toEqual([
      ['background', 'reuse', 'Primer/canvas/default'],
      ['primary', 'reuse', 'brand/primary'],
      ['text', 'reuse', 'Text/Default'],
      ['error', 'new', undefined],
    ]);
    const choices = lines.map((l) => ({ slot: l.key, ...(l.action === 'reuse' ? { reuse: l.token!.id } : {}) }));
    const stepsBefore = fake.undo.steps.length;
    const { summary, reused } = await writePlan(fake.figma, { palette, source, options, choices });
    expect(summary.created).toEqual(['Chorus/error']);
    expect(reused.map((r) => r.token)).toEqual(['canvas/default', 'brand/primary', 'Text/Default']);
    expect(fake.undo.steps.length - stepsBefore).toBe(1);
    expect(fake.undo.pending).toEqual([]);
    // Reused variables become Chorus aliases of them; the reused style is left to bind; no new style for any.
    const chorus = fake.listVariables().filter((v) => v.name.startsWith('Chorus/'));
    const primary = chorus.find((v) => v.name === 'Chorus/primary')!;
    const brandPrimary = fake.listVariables().find((v) => v.name === 'brand/primary')!;
    expect(Object.values(primary.valuesByMode)[0]).toEqual({ type: 'VARIABLE_ALIAS', id: brandPrimary.id });
    expect(chorus.map((v) => v.name).sort()).toEqual(['Chorus/background', 'Chorus/error', 'Chorus/primary']);
    expect(fake.listPaintStyles().map((s) => s.name).sort()).toEqual(['Chorus/error', 'Text/Default']);

    // The second run: the same plan, and writing it changes nothing.
    const again = await planWrite(fake.figma, palette, 'Chorus', []);
    expect(again.map((l) => l.action)).toEqual(['reuse', 'reuse', 'reuse', 'keep']);
    const before = fake.snapshotVariables();
    const second = await writePlan(fake.figma, { palette, source, options, choices: again.map((l) => ({ slot: l.key, ...(l.token ? { reuse: l.token.id } : {}) })) });
    expect(second.summary.created).toEqual([]);
    expect(second.summary.updated).toEqual([]);
    expect(fake.snapshotVariables()).toEqual(before);

    // One Ctrl+Z takes the first write back whole.
    fake.undo.undo();
    expect(fake.listVariables().filter((v) => v.name.startsWith('Chorus/'))).toEqual([]);
    expect(fake.listPaintStyles().map((s) => s.name)).toEqual(['Text/Default']);
  });

  it('lets the designer change a line: write the colour as new instead of reusing', async () => {
    const fake = seeded();
    const { summary, reused } = await writePlan(fake.figma, { palette, source, options, choices: [{ slot: 'primary' }] });
    expect(reused).toEqual([]);
    expect(summary.created).toContain('Chorus/primary');
  });

  it('keeps a locked colour exactly: a near token is not reused for it', async () => {
    const fake = seeded();
    const lines = await planWrite(fake.figma, palette, 'Chorus', ['primary']);
    expect(lines.find((l) => l.key === 'primary')!.action).toBe('new');
  });

  it('refuses a plan whose token is gone, before writing anything', async () => {
    const fake = seeded();
    await expect(writePlan(fake.figma, { palette, source, options, choices: [{ slot: 'primary', reuse: 'VariableID:9:9' }] })).rejects.toMatchObject({ code: 'WRITE_FAILED' });
    expect(fake.listPaintStyles().map((s) => s.name)).toEqual(['Text/Default']);
  });
});
