import { describe, expect, it } from 'vitest';
import type { Tier1Result } from '../core/cv/extract-tier1.ts';
import { ONE_PIXEL_PNG } from '../test/fakes/one-pixel-png.ts';
import { extractPalette } from './extract-palette.ts';

const image = (name: string) => ({ nodeId: '1:2', name, png: ONE_PIXEL_PNG.slice() });
const white: Tier1Result = {
  colors: [{ hex: '#ffffff', role: 'background', share: 1, votes: [{ extractor: 'a', hex: '#ffffff', weight: 1 }] }],
  extractions: [],
};

describe('extractPalette', () => {
  it('decodes every frame, runs the extractor once over all of them, and records the source', async () => {
    const seen: number[] = [];
    const steps: string[] = [];
    const run = await extractPalette([image('Login'), image('Home')], {
      extract: (images) => {
        seen.push(...images.map((i) => i.width * i.height));
        return white;
      },
      onStep: (step) => steps.push(step),
    });
    expect(seen).toEqual([1, 1]);
    expect(steps).toEqual(['decoding', 'extracting']);
    expect(run.palette).toEqual(white.colors);
    expect(run.source.nodes.map((n) => n.name)).toEqual(['Login', 'Home']);
    expect(run.decoders).toEqual(['jimp', 'jimp']);
  });

  it('cuts a frame name to what the contract accepts', async () => {
    const run = await extractPalette([image('x'.repeat(300))], { extract: () => white });
    expect(run.source.nodes[0]?.name).toHaveLength(256);
  });

  it('reports an empty palette as EMPTY_PALETTE naming the frames', async () => {
    await expect(extractPalette([image('Blank')], { extract: () => ({ colors: [], extractions: [] }) })).rejects.toMatchObject({
      code: 'EMPTY_PALETTE',
      message: expect.stringContaining('“Blank”'),
    });
  });

  it('reports a failing extractor as INTERNAL with its reason', async () => {
    const extract = (): Tier1Result => {
      throw new Error('extractTier1 is not written yet');
    };
    await expect(extractPalette([image('Login')], { extract })).rejects.toMatchObject({
      code: 'INTERNAL',
      message: expect.stringContaining('extractTier1 is not written yet'),
    });
  });
});
