import { describe, expect, it } from 'vitest';
import { pluginMessageSchema, type PluginMessage, type Source, type WriteSummary } from '../core/messages/plugin-messages.ts';
import type { PaletteCandidate, PaletteColor } from '../core/palette/palette-color.ts';
import { createFigmaFake, type FaultOp, type FigmaFake } from '../test/fakes/figma-fake.ts';
import { reviewMarkerSchema } from './review-marker.ts';
import { runBuiltPlugin } from '../test/fakes/run-built-plugin.ts';

const SOURCE: Source = { nodes: [{ id: '1:2', name: 'Home screen' }] };

function color(hex: string, share: number, extra: Partial<PaletteColor> = {}): PaletteColor {
  return { hex, share, confidence: 0.9, votes: [{ extractor: 'flat-regions', hex, weight: 1 }], ...extra };
}

const PALETTE: PaletteColor[] = [
  color('#ffffff', 0.4, { role: 'background' }),
  color('#f4f4f8', 0.2, { role: 'surface' }),
  color('#1a1a2e', 0.15, { role: 'text' }),
  color('#6b6b80', 0.05, { role: 'text-muted' }),
  color('#3366ff', 0.1, { role: 'primary' }),
  color('#ffffff', 0.01, { role: 'on-primary' }),
  color('#dddde5', 0.04, { role: 'border' }),
  color('#22aa55', 0.03),
];

const CANDIDATES: PaletteCandidate[] = [
  { hex: '#3366ff', weight: 2.3, measured: false, votes: [{ extractor: 'openai', weight: 1.2 }, { extractor: 'claude', weight: 1.1 }] },
  { hex: '#ff6633', weight: 2, measured: true, votes: [{ extractor: 'flat-regions', weight: 2 }] },
];
const PRIMARY_CONFLICT = color('#3366ff', 0.1, { role: 'primary', conflict: true, agreement: 0.53, candidates: CANDIDATES });

function started(): FigmaFake {
  const fake = createFigmaFake();
  runBuiltPlugin(fake);
  return fake;
}

let nextId = 1;
async function ask(fake: FigmaFake, request: Record<string, unknown>): Promise<PluginMessage> {
  return pluginMessageSchema.parse(await fake.request({ ...request, id: `v${nextId++}` }));
}

async function write(
  fake: FigmaFake,
  palette: PaletteColor[] = PALETTE,
  options: { variables?: boolean; overwriteEdited?: boolean; prefix?: string } = {},
): Promise<PluginMessage> {
  return ask(fake, {
    type: 'write-styles',
    palette,
    source: SOURCE,
    options: { prefix: options.prefix ?? 'Chorus', overwriteEdited: options.overwriteEdited ?? false, variables: options.variables ?? true },
  });
}

async function summaryOf(reply: Promise<PluginMessage>): Promise<WriteSummary> {
  const message = await reply;
  if (message.type !== 'write-styles-done') throw new Error(`expected write-styles-done, got ${JSON.stringify(message)}`);
  return message.summary;
}

function styleNamed(fake: FigmaFake, name: string): PaintStyle {
  const style = fake.listPaintStyles().find((s) => s.name === name);
  if (!style) throw new Error(`no style named ${name}`);
  return style;
}

function variableNamed(fake: FigmaFake, name: string): Variable {
  const variable = fake.listVariables().find((v) => v.name === name);
  if (!variable) throw new Error(`no variable named ${name}`);
  return variable;
}

/** The test's own reading of a variable's default-mode colour. */
function valueHex(fake: FigmaFake, variable: Variable): string {
  const collection = fake.listVariableCollections().find((c) => c.id === variable.variableCollectionId)!;
  const { r, g, b, a } = variable.valuesByMode[collection.defaultModeId] as RGBA;
  expect(a).toBe(1);
  return `#${[r, g, b].map((c) => Math.round(c * 255).toString(16).padStart(2, '0')).join('')}`;
}

function boundId(style: PaintStyle): string | undefined {
  return (style.paints[0] as SolidPaint).boundVariables?.color?.id;
}

describe('write-styles with variables: first run', () => {
  it('makes one Chorus collection and one COLOR variable per slot, each style bound to its variable', async () => {
    const fake = started();
    const summary = await summaryOf(write(fake));

    const collections = fake.listVariableCollections();
    expect(collections.map((c) => c.name)).toEqual(['Chorus']);
    expect(collections[0]!.getSharedPluginData('chorus', 'collection')).toBe('1');
    expect(fake.listVariables().map((v) => v.name)).toEqual([
      'Chorus/background',
      'Chorus/surface',
      'Chorus/text',
      'Chorus/primary',
      'Chorus/text-muted',
      'Chorus/border',
      'Chorus/color-1',
      'Chorus/on-primary',
    ]);
    const primary = variableNamed(fake, 'Chorus/primary');
    expect(primary.resolvedType).toBe('COLOR');
    expect(valueHex(fake, primary)).toBe('#3366ff');
    expect([primary.getSharedPluginData('chorus', 'prefix'), primary.getSharedPluginData('chorus', 'slot'), primary.getSharedPluginData('chorus', 'hex')]).toEqual([
      'Chorus',
      'primary',
      '#3366ff',
    ]);
    expect(primary.description).toContain('Confidence: 90%');
    for (const variable of fake.listVariables()) {
      expect(boundId(styleNamed(fake, variable.name))).toBe(variable.id);
    }
    expect(summary.created).toHaveLength(8);
  });

  it('scopes each variable by its role', async () => {
    const fake = started();
    await write(fake);
    const scopes = Object.fromEntries(fake.listVariables().map((v) => [v.getSharedPluginData('chorus', 'slot'), v.scopes]));
    expect(scopes).toEqual({
      background: ['FRAME_FILL', 'SHAPE_FILL'],
      surface: ['FRAME_FILL', 'SHAPE_FILL'],
      text: ['TEXT_FILL'],
      'text-muted': ['TEXT_FILL'],
      'on-primary': ['TEXT_FILL'],
      border: ['STROKE_COLOR'],
      primary: ['ALL_FILLS', 'STROKE_COLOR'],
      'color-1': ['ALL_FILLS', 'STROKE_COLOR'],
    });
  });

  it('is one undo step with the styles: one undo removes the collection, the variables and the styles', async () => {
    const fake = started();
    await write(fake);
    expect(fake.undo.steps).toHaveLength(1);
    expect(fake.undo.pending).toEqual([]);
    fake.undo.undo();
    expect(fake.snapshotVariables()).toEqual({ collections: [], variables: [] });
    expect(fake.listPaintStyles()).toEqual([]);
  });

  it('writes no variables unless asked', async () => {
    const fake = started();
    await write(fake, PALETTE, { variables: false });
    expect(fake.listVariableCollections()).toEqual([]);
    expect(boundId(styleNamed(fake, 'Chorus/primary'))).toBeUndefined();
  });
});

describe('write-styles with variables: re-runs', () => {
  it('finds its collection and variables again by plugin data, and changes nothing for the same palette', async () => {
    const fake = started();
    await write(fake);
    const collection = fake.listVariableCollections()[0]!;
    collection.name = 'Brand tokens';
    const before = fake.snapshotVariables();
    const summary = await summaryOf(write(fake));
    expect(summary.unchanged).toHaveLength(8);
    expect(fake.snapshotVariables()).toEqual(before);
  });

  it('never adopts a collection by name', async () => {
    const fake = started();
    const theirs = fake.addVariableCollection('Chorus');
    await write(fake);
    expect(fake.listVariableCollections()).toHaveLength(2);
    expect(theirs.variableIds).toEqual([]);
  });

  it('updates the variable in place when a colour changed; the style stays bound to it', async () => {
    const fake = started();
    await write(fake);
    const variable = variableNamed(fake, 'Chorus/primary');
    const next = PALETTE.map((c) => (c.role === 'primary' ? { ...c, hex: '#2255ee' } : c));
    const summary = await summaryOf(write(fake, next));
    expect(summary.updated).toEqual(['Chorus/primary']);
    expect(fake.listVariables()).toHaveLength(8);
    expect(valueHex(fake, variable)).toBe('#2255ee');
    expect(variable.getSharedPluginData('chorus', 'hex')).toBe('#2255ee');
    expect(boundId(styleNamed(fake, 'Chorus/primary'))).toBe(variable.id);
    expect(fake.undo.steps).toHaveLength(2);
  });

  it('creates the variables for styles a run without variables wrote, and binds them', async () => {
    const fake = started();
    await write(fake, PALETTE, { variables: false });
    const summary = await summaryOf(write(fake));
    expect(summary.updated).toHaveLength(8);
    expect(boundId(styleNamed(fake, 'Chorus/text'))).toBe(variableNamed(fake, 'Chorus/text').id);
  });

  it('keeps a bound variable in step even when a later run does not ask for variables', async () => {
    const fake = started();
    await write(fake);
    const next = PALETTE.map((c) => (c.role === 'primary' ? { ...c, hex: '#2255ee' } : c));
    await write(fake, next, { variables: false });
    expect(valueHex(fake, variableNamed(fake, 'Chorus/primary'))).toBe('#2255ee');
    expect(boundId(styleNamed(fake, 'Chorus/primary'))).toBe(variableNamed(fake, 'Chorus/primary').id);
  });

  it('picks a free name when the collection already holds the name', async () => {
    const fake = started();
    await write(fake, [PALETTE[0]!]);
    const collection = fake.listVariableCollections()[0]!;
    fake.addColorVariable(collection, 'Chorus/text', '#000000');
    await write(fake, PALETTE.slice(0, 3));
    expect(variableNamed(fake, 'Chorus/text 2').getSharedPluginData('chorus', 'slot')).toBe('text');
  });
});

describe('write-styles with variables: conflicts and hand edits', () => {
  it('flags a conflict on the variable too: description and plugin data', async () => {
    const fake = started();
    const summary = await summaryOf(write(fake, [PRIMARY_CONFLICT]));
    const variable = variableNamed(fake, 'Chorus/primary');
    expect(summary.flagged).toEqual(['Chorus/primary']);
    expect(variable.description).toContain('Review in Chorus: the extractors disagree — #3366ff (openai, claude) or #ff6633 (flat-regions).');
    expect(reviewMarkerSchema.parse(JSON.parse(variable.getSharedPluginData('chorus', 'review'))).candidates).toEqual(CANDIDATES);
  });

  it('lists the variable with its review, and resolving sets the variable and clears its flag too', async () => {
    const fake = started();
    await write(fake, [PRIMARY_CONFLICT]);
    const style = styleNamed(fake, 'Chorus/primary');
    const variable = variableNamed(fake, 'Chorus/primary');
    const listed = await ask(fake, { type: 'list-reviews' });
    expect(listed).toMatchObject({ type: 'list-reviews-done', reviews: [{ styleId: style.id, variableId: variable.id, currentHex: '#3366ff' }] });

    expect(await ask(fake, { type: 'resolve-review', styleId: style.id, hex: '#ff6633' })).toMatchObject({ type: 'resolve-review-done' });
    expect(valueHex(fake, variable)).toBe('#ff6633');
    expect(variable.getSharedPluginData('chorus', 'review')).toBe('');
    expect(variable.description).toContain('Chosen by the designer in review');
    expect(boundId(style)).toBe(variable.id);

    const summary = await summaryOf(write(fake, [PRIMARY_CONFLICT]));
    expect(summary.keptDecisions).toEqual(['Chorus/primary']);
    expect(valueHex(fake, variable)).toBe('#ff6633');
  });

  it('leaves a variable the designer edited by hand, and its style, and reports them once', async () => {
    const fake = started();
    await write(fake);
    const variable = variableNamed(fake, 'Chorus/primary');
    const style = styleNamed(fake, 'Chorus/primary');
    fake.editVariable(variable, { hex: '#ff00ff' });
    const next = PALETTE.map((c) => (c.role === 'primary' ? { ...c, hex: '#2255ee' } : c));

    const summary = await summaryOf(write(fake, next));

    expect(summary.editedByHand).toEqual([{ styleId: style.id, name: 'Chorus/primary', currentHex: '#ff00ff', proposedHex: '#2255ee' }]);
    expect(valueHex(fake, variable)).toBe('#ff00ff');
    expect(boundId(style)).toBe(variable.id);

    await write(fake, next, { overwriteEdited: true });
    expect(valueHex(fake, variable)).toBe('#2255ee');
  });

  it('counts a variable aliased to another as a hand edit, showing the colour it resolves to', async () => {
    const fake = started();
    await write(fake);
    const theirs = fake.addColorVariable(fake.addVariableCollection('Brand'), 'blue', '#0000ff');
    fake.editVariable(variableNamed(fake, 'Chorus/primary'), { value: { type: 'VARIABLE_ALIAS', id: theirs.id } });
    const summary = await summaryOf(write(fake));
    expect(summary.editedByHand.map((e) => [e.name, e.currentHex])).toEqual([['Chorus/primary', '#0000ff']]);
  });
});

describe('write-styles with variables: failures leave styles and variables as they were', () => {
  const faults: [FaultOp, number][] = [
    ['createVariable', 1],
    ['setValueForMode', 2],
    ['setScopes', 0],
    ['setBoundVariableForPaint', 2],
    ['setVariableDescription', 1],
    ['createVariableCollection', 0],
  ];

  it.each(faults)('rolls back when %s fails mid-write (after %i good calls)', async (op, after) => {
    const fake = started();
    await write(fake, PALETTE.slice(0, 3));
    const styles = fake.snapshotStyles();
    const variables = fake.snapshotVariables();
    const steps = fake.undo.steps.length;
    // Updates two variables and creates three more (and, for the collection fault, a fresh document).
    const next = PALETTE.map((c) => (c.role === 'background' || c.role === 'text' ? { ...c, hex: '#2255ee' } : c));
    if (op === 'createVariableCollection') fake.listVariableCollections()[0]!.remove();
    const before = op === 'createVariableCollection' ? fake.snapshotVariables() : variables;
    fake.failNext(op, { after, message: 'Figma said no' });

    const reply = await write(fake, next);

    expect(reply).toMatchObject({ type: 'failed', error: { code: 'WRITE_FAILED', message: expect.stringContaining('Figma said no') } });
    expect(fake.snapshotStyles()).toEqual(styles);
    expect(fake.snapshotVariables()).toEqual(before);
    // The failed action is closed off as its own (net empty) step: nothing of it folds into the next one.
    expect(fake.undo.pending).toEqual([]);
  });
});
