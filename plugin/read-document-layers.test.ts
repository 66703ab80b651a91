import { describe, expect, it } from 'vitest';
import { voteDocument } from '../core/document/vote-document.ts';
import { createFigmaFake } from '../test/fakes/figma-fake.ts';
import { buildScreenLayers, solid } from '../test/fakes/screen-layers.ts';
import { readDocumentLayers } from './read-document-layers.ts';

const SCREEN = {
  name: 'Login',
  width: 1440,
  height: 900,
  colors: [
    { hex: '#ffffff', roles: ['background', 'onPrimary'], share: 0.8 },
    { hex: '#f6f8fa', roles: ['surface'], share: 0.14 },
    { hex: '#0969da', roles: ['primary'], share: 0.013 },
    { hex: '#d0d7de', roles: ['border'], share: 0.004 },
    { hex: '#1f2328', roles: ['text'], share: 0.01 },
    { hex: '#656d76', roles: ['muted'], share: 0.004 },
    { hex: '#cf222e', roles: ['error'], share: 0.001 },
  ],
};

describe('the document as a voter', () => {
  it('reads fills, strokes and text ranges and gives each colour the role its place in the layers implies', async () => {
    const fake = createFigmaFake();
    const root = fake.addLayers(buildScreenLayers(SCREEN));
    fake.select([root]);
    const read = await readDocumentLayers(fake.figma);
    expect(read.cut).toBeUndefined();
    const vote = voteDocument(read);
    const role = (hex: string) => vote.extraction.colors.filter((c) => c.hex === hex).map((c) => c.role);
    expect(role('#ffffff')).toEqual(['background', 'on-primary']);
    expect(role('#f6f8fa')).toEqual(['surface']);
    expect(role('#0969da')).toEqual(['primary']);
    expect(role('#d0d7de')).toEqual(['border']);
    expect(role('#1f2328')).toEqual(['text']);
    expect(role('#656d76')).toEqual(['text-muted']);
    // Shares by area: the background covers most of the frame, the button little.
    const share = (hex: string) => vote.extraction.colors.find((c) => c.hex === hex)!.share;
    expect(share('#ffffff')).toBeGreaterThan(0.5);
    expect(share('#0969da')).toBeLessThan(0.05);
    // Text over its backdrop, for contrast: body text on the card, the label on the button.
    expect(vote.pairs).toContainEqual({ textHex: '#1f2328', backgroundHex: '#f6f8fa', large: false });
    expect(vote.pairs).toContainEqual({ textHex: '#1f2328', backgroundHex: '#f6f8fa', large: true });
    expect(vote.pairs).toContainEqual({ textHex: '#ffffff', backgroundHex: '#0969da', large: false });
  });

  it('takes a bound variable\'s or style\'s name as a hint that outweighs the structure', async () => {
    const fake = createFigmaFake();
    const collection = fake.addVariableCollection('Brand');
    const brand = fake.addColorVariable(collection, 'brand/primary', '#8250df');
    const style = fake.addPaintStyle({ name: 'Text/Secondary', hex: '#57606a' });
    const root = fake.addLayers({
      type: 'FRAME',
      name: 'Screen',
      width: 400,
      height: 300,
      fills: [solid('#ffffff')],
      children: [
        // A big shape that structure alone would not call primary.
        { type: 'RECTANGLE', name: 'Hero', width: 400, height: 100, fills: [{ ...solid('#8250df'), boundVariables: { color: { type: 'VARIABLE_ALIAS', id: brand.id } } }] },
        { type: 'TEXT', name: 'Title', width: 200, height: 30, text: [{ characters: 'Welcome', fills: [solid('#24292f')], fontSize: 24 }] },
        { type: 'TEXT', name: 'Sub', width: 200, height: 20, fillStyleId: style.id, text: [{ characters: 'Hello', fills: [solid('#57606a')], fillStyleId: style.id }] },
      ],
    });
    fake.select([root]);
    const vote = voteDocument(await readDocumentLayers(fake.figma));
    expect(vote.extraction.colors.find((c) => c.hex === '#8250df')?.role).toBe('primary');
    expect(vote.extraction.colors.find((c) => c.hex === '#57606a')?.role).toBe('text-muted');
  });

  it('votes what a translucent fill renders and says why the layers and the pixels differ; skips hidden layers; counts image fills', async () => {
    const fake = createFigmaFake();
    const root = fake.addLayers({
      type: 'FRAME',
      name: 'Screen',
      width: 400,
      height: 300,
      fills: [solid('#ffffff')],
      children: [
        { type: 'RECTANGLE', name: 'Tint', width: 200, height: 200, fills: [solid('#0000ff', 0.5)] },
        { type: 'RECTANGLE', name: 'Hidden', width: 100, height: 100, visible: false, fills: [solid('#ff0000')] },
        { type: 'RECTANGLE', name: 'Screenshot', width: 100, height: 100, fills: [{ type: 'IMAGE', scaleMode: 'FILL', imageHash: 'abc' }] },
      ],
    });
    fake.select([root]);
    const read = await readDocumentLayers(fake.figma);
    expect(read.imageFills).toBe(1);
    const vote = voteDocument(read);
    const hexes = vote.extraction.colors.map((c) => c.hex);
    expect(hexes).toContain('#8080ff');
    expect(hexes).not.toContain('#0000ff');
    expect(hexes).not.toContain('#ff0000');
    expect(vote.notes).toEqual([expect.stringMatching(/#0000ff at 50 % renders as #8080ff/)]);
  });

  it('stops at the layer count or the time budget and says so', async () => {
    const fake = createFigmaFake();
    const children = Array.from({ length: 50 }, (_, i) => ({ type: 'RECTANGLE' as const, name: `r${i}`, width: 4, height: 4, fills: [solid('#336699')] }));
    fake.select([fake.addLayers({ type: 'FRAME', name: 'Many', width: 100, height: 100, fills: [solid('#ffffff')], children })]);
    const byCount = await readDocumentLayers(fake.figma, { maxLayers: 10 });
    expect(byCount.cut).toEqual({ reason: 'count', limit: 10 });
    expect(byCount.visited).toBe(10);
    let clock = 0;
    const byTime = await readDocumentLayers(fake.figma, { maxMs: 5, now: () => (clock += 10) });
    expect(byTime.cut).toEqual({ reason: 'time', limit: 5 });
  });
});
