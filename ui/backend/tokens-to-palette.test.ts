import { describe, expect, it } from 'vitest';
import { paletteColorSchema } from '../../core/palette/palette-color.ts';
import type { Token } from '../../core/protocol/run-event.ts';
import { MAX_PALETTE_COLORS, tokensToSwatches } from './tokens-to-palette.ts';
import { agreedToken } from './testing/run-events.ts';

/** A role two candidates split: 1.2 + 0.8 for one value, 1.1 + 0.7 for the other (agreement 2.0 / 3.8). */
const border: Token = {
  hex: '#d0d7de',
  role: 'border',
  share: 0.002,
  agreement: 2.0 / 3.8,
  confidence: 0.5 + 0.45 * (2.0 / 3.8),
  conflict: true,
  candidates: [
    {
      hex: '#d0d7de',
      weight: 2.0,
      measured: true,
      votes: [
        { extractor: 'flat-regions', weight: 1.2, hex: '#d0d7de' },
        { extractor: 'oklab-clusters', weight: 0.8, hex: '#d0d7de' },
      ],
    },
    {
      hex: '#8c959f',
      weight: 1.8,
      measured: false,
      votes: [
        { extractor: 'anthropic', weight: 1.1, hex: '#8c959f', name: 'slate-line' },
        { extractor: 'local-vision', weight: 0.7, hex: '#8c959f', name: 'cool-grey' },
      ],
    },
  ],
};

describe('tokensToSwatches', () => {
  it("maps each token to the contract's PaletteColor, in the server's order", () => {
    const swatches = tokensToSwatches({
      background: agreedToken('#ffffff', { role: 'background', name: 'paper-white', share: 0.83 }),
      border,
      'color-1': agreedToken('#8250df', { name: 'amethyst' }),
    });
    expect(swatches.map((s) => s.key)).toEqual(['background', 'border', 'color-1']);
    expect(swatches[0]?.color).toEqual({
      hex: '#ffffff',
      role: 'background',
      name: 'paper-white',
      share: 0.83,
      confidence: 0.95,
      agreement: 1,
      votes: [
        { extractor: 'flat-regions', hex: '#ffffff', weight: 1 },
        { extractor: 'oklab-clusters', hex: '#ffffff', weight: 0.8 },
      ],
    });
    // Only the models named it: no share measured, so 0; no role, so none.
    expect(swatches[2]?.color).toMatchObject({ hex: '#8250df', name: 'amethyst', share: 0 });
    expect(swatches[2]?.color.role).toBeUndefined();
    for (const swatch of swatches) expect(paletteColorSchema.safeParse(swatch.color).success).toBe(true);
  });

  it("writes a conflict's winning value, with the winner's votes, and carries every candidate with its voters", () => {
    const [swatch] = tokensToSwatches({ border });
    const color = swatch!.color;
    expect(color.hex).toBe('#d0d7de');
    expect(color.votes.map((v) => v.extractor)).toEqual(['flat-regions', 'oklab-clusters']);
    expect(color.conflict).toBe(true);
    expect(color.agreement).toBeCloseTo(2.0 / 3.8, 12);
    expect(color.candidates).toEqual([
      {
        hex: '#d0d7de',
        weight: 2.0,
        measured: true,
        votes: [
          { extractor: 'flat-regions', weight: 1.2 },
          { extractor: 'oklab-clusters', weight: 0.8 },
        ],
      },
      {
        hex: '#8c959f',
        weight: 1.8,
        measured: false,
        // The heaviest vote that named it names it.
        name: 'slate-line',
        votes: [
          { extractor: 'anthropic', weight: 1.1 },
          { extractor: 'local-vision', weight: 0.7 },
        ],
      },
    ]);
    expect(paletteColorSchema.safeParse(color).success).toBe(true);
  });

  it('counts an extractor that proposed a value twice once, its weights summed, heaviest first', () => {
    const token: Token = {
      ...border,
      candidates: [
        border.candidates[0]!,
        {
          hex: '#8c959f',
          weight: 1.5,
          measured: false,
          votes: [
            { extractor: 'local-vision', weight: 0.7, hex: '#8c959f' },
            { extractor: 'anthropic', weight: 0.4, hex: '#8c959f', name: 'slate' },
            { extractor: 'anthropic', weight: 0.4, hex: '#8c959f' },
          ],
        },
      ],
    };
    expect(tokensToSwatches({ border: token })[0]?.color.candidates?.[1]?.votes).toEqual([
      { extractor: 'anthropic', weight: 0.8 },
      { extractor: 'local-vision', weight: 0.7 },
    ]);
  });

  it('gives an agreed colour no conflict and no candidates', () => {
    const color = tokensToSwatches({ text: agreedToken('#1f2328') })[0]?.color;
    expect(color?.conflict).toBeUndefined();
    expect(color?.candidates).toBeUndefined();
  });

  it('keeps the palette to what a write-styles request may carry', () => {
    const many = Object.fromEntries(Array.from({ length: 70 }, (_, i) => [`color-${i + 1}`, agreedToken(`#0000${i.toString(16).padStart(2, '0')}`)]));
    expect(tokensToSwatches(many)).toHaveLength(MAX_PALETTE_COLORS);
  });
});
