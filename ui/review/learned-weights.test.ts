import { describe, expect, it } from 'vitest';
import { extractRequestSchema } from '../../core/protocol/extract-request.ts';
import { learnedWeight, learnedWeights } from './learned-weights.ts';

describe('learnedWeight', () => {
  it('is 1 with no decisions: no evidence, no change', () => {
    expect(learnedWeight({ agreed: 0, decided: 0 })).toBe(1);
  });

  it('moves only part of the way on one decision (Laplace: 2 × 2/3 and 2 × 1/3)', () => {
    expect(learnedWeight({ agreed: 1, decided: 1 })).toBeCloseTo(4 / 3, 12);
    expect(learnedWeight({ agreed: 0, decided: 1 })).toBeCloseTo(2 / 3, 12);
  });

  it('is 2 × (agreed + 1) / (decided + 2) in between', () => {
    expect(learnedWeight({ agreed: 7, decided: 9 })).toBeCloseTo(16 / 11, 12);
    expect(learnedWeight({ agreed: 5, decided: 10 })).toBe(1);
  });

  it('never goes under 0.25, however often an extractor was wrong', () => {
    expect(learnedWeight({ agreed: 0, decided: 10 })).toBe(0.25);
    expect(learnedWeight({ agreed: 0, decided: 1000 })).toBe(0.25);
  });

  it('approaches 2 for an extractor that is always right, within the cap of 4', () => {
    expect(learnedWeight({ agreed: 1000, decided: 1000 })).toBeCloseTo(2, 2);
    expect(learnedWeight({ agreed: 1000, decided: 1000 })).toBeLessThanOrEqual(4);
  });
});

describe('learnedWeights', () => {
  it('gives each extractor with evidence its multiplier, leaves out those at 1, and fits the request', () => {
    const weights = learnedWeights({
      openai: { agreed: 1, decided: 1 },
      'flat-regions': { agreed: 0, decided: 10 },
      anthropic: { agreed: 0, decided: 0 },
      'local-vision': { agreed: 3, decided: 4 },
    });
    expect(Object.keys(weights).sort()).toEqual(['flat-regions', 'local-vision', 'openai']);
    expect(weights['openai']).toBeCloseTo(4 / 3, 12);
    expect(weights['flat-regions']).toBe(0.25);
    expect(weights['local-vision']).toBeCloseTo(4 / 3, 12);
    expect(extractRequestSchema.safeParse({ action: 'extract', images: ['iVBORw0KGgo='], weights }).success).toBe(true);
  });

  it('is empty with no learning', () => {
    expect(learnedWeights({})).toEqual({});
  });
});
