import { describe, expect, it } from 'vitest';
import { pluginMessageSchema, type PluginMessage, type Source } from '../core/messages/plugin-messages.ts';
import type { PaletteCandidate, PaletteColor } from '../core/palette/palette-color.ts';
import { formatTokens } from '../core/tokens/format-tokens.ts';
import { fromDtcg } from '../core/tokens/from-dtcg.ts';
import { conflictColor } from '../test/fakes/conflict-color.ts';
import { createFigmaFake, type FigmaFake } from '../test/fakes/figma-fake.ts';
import { runBuiltPlugin } from '../test/fakes/run-built-plugin.ts';

const SOURCE: Source = { nodes: [{ id: '1:2', name: 'Home screen' }] };

const BORDER_CANDIDATES: PaletteCandidate[] = [
  { hex: '#8c959f', weight: 3, measured: false, name: 'Slate', votes: [{ extractor: 'openai', weight: 1.2 }, { extractor: 'anthropic', weight: 1.1 }, { extractor: 'local-vision', weight: 0.7 }] },
  { hex: '#d0d7de', weight: 2.5, measured: true, votes: [{ extractor: 'flat-regions', weight: 1 }, { extractor: 'flat-regions-full', weight: 1.5 }] },
];
const TEXT_CANDIDATES: PaletteCandidate[] = [
  { hex: '#111111', weight: 1.2, measured: true, votes: [{ extractor: 'flat-regions', weight: 1.2 }] },
  { hex: '#333344', weight: 1.1, measured: false, votes: [{ extractor: 'openai', weight: 1.1 }] },
];

const BACKGROUND: PaletteColor = { hex: '#ffffff', role: 'background', share: 0.5, confidence: 0.95, votes: [{ extractor: 'flat-regions', hex: '#ffffff', weight: 1 }] };
const PRIMARY: PaletteColor = { hex: '#0969da', role: 'primary', name: 'signal-blue', share: 0.1, confidence: 0.95, votes: [{ extractor: 'openai', hex: '#0969da', weight: 1.2 }] };
const BORDER = conflictColor('#8c959f', 'border', 0.08, BORDER_CANDIDATES);
const TEXT = conflictColor('#111111', 'text', 0.2, TEXT_CANDIDATES);
const SECOND_PRIMARY: PaletteColor = { hex: '#0550ae', role: 'primary', share: 0.02, votes: [{ extractor: 'flat-regions', hex: '#0550ae', weight: 1 }] };
const UNROLED: PaletteColor = { hex: '#bf3989', share: 0.01, votes: [{ extractor: 'flat-regions', hex: '#bf3989', weight: 1 }] };

function started(fake = createFigmaFake()): FigmaFake {
  runBuiltPlugin(fake);
  return fake;
}

let nextId = 1;
async function ask(fake: FigmaFake, request: Record<string, unknown>): Promise<PluginMessage> {
  return pluginMessageSchema.parse(await fake.request({ ...request, id: `e${nextId++}` }));
}

function done<T extends PluginMessage['type']>(reply: PluginMessage, type: T): Extract<PluginMessage, { type: T }> {
  if (reply.type !== type) throw new Error(`expected ${type}, got ${JSON.stringify(reply)}`);
  return reply as Extract<PluginMessage, { type: T }>;
}

async function write(fake: FigmaFake, palette: PaletteColor[], options: { prefix?: string; variables?: boolean } = {}): Promise<void> {
  const reply = await ask(fake, {
    type: 'write-styles',
    palette,
    source: SOURCE,
    options: { prefix: options.prefix ?? 'Chorus', overwriteEdited: false, variables: options.variables ?? false },
  });
  done(reply, 'write-styles-done');
}

async function exportTokens(fake: FigmaFake, prefix = 'Chorus') {
  return done(await ask(fake, { type: 'export-file-tokens', prefix }), 'export-file-tokens-done').colors;
}

function styleNamed(fake: FigmaFake, name: string): PaintStyle {
  const style = fake.listPaintStyles().find((s) => s.name === name);
  if (!style) throw new Error(`no style named ${name}`);
  return style;
}

describe('export-file-tokens', () => {
  it('exports the folder as the designer left it: roles from slots, names, reviewed values, and what is still flagged', async () => {
    const fake = started();
    await write(fake, [BACKGROUND, PRIMARY, BORDER, TEXT, SECOND_PRIMARY, UNROLED]);
    // The designer settles the text colour in Review and leaves the border flagged.
    done(await ask(fake, { type: 'resolve-review', styleId: styleNamed(fake, 'Chorus/text').id, hex: '#333344' }), 'resolve-review-done');

    const colors = await exportTokens(fake);

    // The file's order, which is the first write's order: most prominent first.
    expect(colors).toEqual([
      { hex: '#ffffff', role: 'background', conflict: false },
      { hex: '#333344', role: 'text', conflict: false },
      { hex: '#0969da', role: 'primary', name: 'signal-blue', conflict: false },
      {
        hex: '#8c959f',
        role: 'border',
        conflict: true,
        candidates: [
          {
            hex: '#8c959f',
            weight: 3,
            measured: false,
            votes: [
              { extractor: 'openai', weight: 1.2, hex: '#8c959f' },
              { extractor: 'anthropic', weight: 1.1, hex: '#8c959f' },
              { extractor: 'local-vision', weight: 0.7, hex: '#8c959f' },
            ],
          },
          {
            hex: '#d0d7de',
            weight: 2.5,
            measured: true,
            votes: [
              { extractor: 'flat-regions', weight: 1, hex: '#d0d7de' },
              { extractor: 'flat-regions-full', weight: 1.5, hex: '#d0d7de' },
            ],
          },
        ],
      },
      { hex: '#0550ae', role: 'primary', conflict: false },
      { hex: '#bf3989', conflict: false },
    ]);
  });

  it('gives what a token consumer reads back: a DTCG file round-trips to the same colours', async () => {
    const fake = started();
    await write(fake, [BACKGROUND, PRIMARY, BORDER]);
    const colors = await exportTokens(fake);
    const read = fromDtcg(JSON.parse(formatTokens(colors, 'dtcg')));
    expect(read.map((c) => [c.role, c.hex, c.conflict])).toEqual([
      ['background', '#ffffff', false],
      ['primary', '#0969da', false],
      ['border', '#8c959f', true],
    ]);
  });

  it('shows a hand edit as edited, leaves out other folders, foreign styles and gradients', async () => {
    const fake = started();
    await write(fake, [BACKGROUND, PRIMARY]);
    await write(fake, [UNROLED], { prefix: 'Brand' });
    fake.addPaintStyle({ name: 'Mine/red', hex: '#ff0000' });
    fake.editStyle(styleNamed(fake, 'Chorus/primary'), { hex: '#123456' });
    fake.editStyle(styleNamed(fake, 'Chorus/background'), {
      paints: [{ type: 'GRADIENT_LINEAR', gradientTransform: [[1, 0, 0], [0, 1, 0]], gradientStops: [] }],
    });

    expect(await exportTokens(fake)).toEqual([{ hex: '#123456', role: 'primary', name: 'signal-blue', conflict: false }]);
    expect(await exportTokens(fake, 'Brand')).toEqual([{ hex: '#bf3989', conflict: false }]);
    expect(await exportTokens(fake, 'Nothing')).toEqual([]);
  });

  it('reads the colour through the variable a style is bound to, and keeps a variable whose style was deleted', async () => {
    const fake = started();
    await write(fake, [BACKGROUND, BORDER], { variables: true });
    const variables = fake.listVariables();
    const background = variables.find((v) => v.getSharedPluginData('chorus', 'slot') === 'background');
    if (!background) throw new Error('no background variable');
    fake.editVariable(background, { hex: '#fafafa' });
    styleNamed(fake, 'Chorus/border').remove();

    const colors = await exportTokens(fake);

    expect(colors.map((c) => [c.role, c.hex, c.conflict])).toEqual([
      ['background', '#fafafa', false],
      // From the variable alone, flag and all.
      ['border', '#8c959f', true],
    ]);
    expect(colors[1]?.candidates?.map((c) => c.hex)).toEqual(['#8c959f', '#d0d7de']);
  });

  it('refuses a request without a valid style folder', async () => {
    const fake = started();
    const reply = await ask(fake, { type: 'export-file-tokens', prefix: 'a//b' });
    expect(reply.type).toBe('failed');
    if (reply.type === 'failed') expect(reply.error.code).toBe('BAD_MESSAGE');
  });
});
