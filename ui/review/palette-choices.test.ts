import { describe, expect, it } from 'vitest';
import type { Swatch } from '../backend/tokens-to-palette.ts';
import { applyChoices, decisionOf } from './palette-choices.ts';

const BORDER: Swatch = {
  key: 'border',
  color: {
    hex: '#8c959f',
    role: 'border',
    name: 'slate',
    share: 0.01,
    confidence: 0.71,
    agreement: 0.46,
    votes: [{ extractor: 'openai', hex: '#8c959f', weight: 1.2 }],
    conflict: true,
    candidates: [
      { hex: '#8c959f', weight: 1.5, measured: false, name: 'slate', votes: [{ extractor: 'openai', weight: 1.5 }] },
      { hex: '#d0d7de', weight: 1, measured: true, votes: [{ extractor: 'flat-regions', weight: 0.6 }, { extractor: 'flat-regions-full', weight: 0.4 }] },
    ],
  },
};
const BACKGROUND: Swatch = { key: 'background', color: { hex: '#ffffff', role: 'background', share: 0.8, confidence: 0.95, votes: [] } };

describe('applyChoices', () => {
  it('settles a conflict with the designer’s pick: its value and votes, no longer a conflict, the candidates kept', () => {
    const [background, border] = applyChoices([BACKGROUND, BORDER], new Map([['border', '#d0d7de']]));
    expect(background).toBe(BACKGROUND);
    expect(border).toEqual({
      key: 'border',
      chosen: true,
      color: {
        hex: '#d0d7de',
        role: 'border',
        share: 0.01,
        agreement: 0.4,
        votes: [
          { extractor: 'flat-regions', hex: '#d0d7de', weight: 0.6 },
          { extractor: 'flat-regions-full', hex: '#d0d7de', weight: 0.4 },
        ],
        conflict: false,
        candidates: BORDER.color.candidates,
      },
    });
  });

  it('takes the picked candidate’s name, and ignores a pick that is no candidate or whose colour is gone', () => {
    expect(applyChoices([BORDER], new Map([['border', '#8c959f']]))[0]?.color.name).toBe('slate');
    expect(applyChoices([BORDER], new Map([['border', '#000000']]))[0]).toBe(BORDER);
    expect(applyChoices([BACKGROUND], new Map([['border', '#d0d7de']]))[0]).toBe(BACKGROUND);
  });
});

describe('decisionOf', () => {
  it('reports the pick with who voted for each candidate, for the dashboard', () => {
    expect(decisionOf(BORDER, '#d0d7de')).toEqual({
      role: 'border',
      chosenHex: '#d0d7de',
      candidates: [
        { hex: '#8c959f', extractors: ['openai'] },
        { hex: '#d0d7de', extractors: ['flat-regions', 'flat-regions-full'] },
      ],
    });
  });
});
