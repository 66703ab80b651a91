import { describe, expect, it } from 'vitest';
import type { PaletteColor } from '../../core/palette/palette-color.ts';
import { fromDtcg } from '../../core/tokens/from-dtcg.ts';
import { toDtcg } from '../../core/tokens/to-dtcg.ts';
import { paletteToExportColors } from './palette-to-export-colors.ts';

const BACKGROUND: PaletteColor = { hex: '#ffffff', role: 'background', name: 'paper', share: 0.8, confidence: 0.95, agreement: 1, votes: [{ extractor: 'flat-regions', hex: '#ffffff', weight: 1 }] };
const BORDER: PaletteColor = {
  hex: '#8c959f',
  role: 'border',
  share: 0.01,
  confidence: 0.71,
  agreement: 0.46,
  votes: [{ extractor: 'openai', hex: '#8c959f', weight: 1.2 }],
  conflict: true,
  candidates: [
    { hex: '#8c959f', weight: 1.2, measured: false, name: 'slate', votes: [{ extractor: 'openai', weight: 1.2 }] },
    { hex: '#d0d7de', weight: 1, measured: true, votes: [{ extractor: 'flat-regions', weight: 1 }] },
  ],
};
const TIER1: PaletteColor = { hex: '#0969da', share: 0.02, votes: [] };

describe('paletteToExportColors', () => {
  it('carries what the vote said, and a conflict with every candidate in the consensus’s shape', () => {
    expect(paletteToExportColors([BACKGROUND, BORDER, TIER1])).toEqual([
      { hex: '#ffffff', role: 'background', name: 'paper', share: 0.8, confidence: 0.95, agreement: 1 },
      {
        hex: '#8c959f',
        role: 'border',
        share: 0.01,
        confidence: 0.71,
        agreement: 0.46,
        conflict: true,
        candidates: [
          { hex: '#8c959f', weight: 1.2, measured: false, votes: [{ extractor: 'openai', weight: 1.2, hex: '#8c959f' }] },
          { hex: '#d0d7de', weight: 1, measured: true, votes: [{ extractor: 'flat-regions', weight: 1, hex: '#d0d7de' }] },
        ],
      },
      { hex: '#0969da', share: 0.02 },
    ]);
  });

  it('gives a DTCG file a consumer reads back to the same colours, the conflict flagged', () => {
    const read = fromDtcg(JSON.parse(JSON.stringify(toDtcg(paletteToExportColors([BACKGROUND, BORDER, TIER1])))));
    expect(read.map((c) => [c.hex, c.role, c.conflict])).toEqual([
      ['#ffffff', 'background', undefined],
      ['#8c959f', 'border', true],
      ['#0969da', undefined, undefined],
    ]);
  });
});
