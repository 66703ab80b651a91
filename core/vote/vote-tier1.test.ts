import { describe, expect, it } from 'vitest';
import type { Extraction } from '../cv/extracted-color.ts';
import { voteTier1 } from './vote-tier1.ts';

const weights = new Map([
  ['a', 1],
  ['b', 0.8],
]);
const ex = (extractor: string, ...colors: [string, number][]): Extraction => ({ extractor, colors: colors.map(([hex, share]) => ({ hex, share })) });

describe('voteTier1', () => {
  it('merges colours of different extractors within ΔE 3 and values them at the most trusted one', () => {
    const [only] = voteTier1([ex('a', ['#3366cc', 0.5]), ex('b', ['#3467cd', 0.3])], weights);
    expect(only!.hex).toBe('#3366cc');
    expect(only!.votes.map((v) => [v.extractor, v.hex, v.weight])).toEqual([
      ['a', '#3366cc', 1],
      ['b', '#3467cd', 0.8],
    ]);
    // Share is the weight-averaged share of the voters.
    expect(only!.share).toBeCloseTo((1 * 0.5 + 0.8 * 0.3) / 1.8, 10);
  });

  it('turns agreement into confidence: everyone 0.95, a majority of 1 in 1.8 ≈ 0.75', () => {
    const palette = voteTier1([ex('a', ['#ffffff', 0.7], ['#ff0000', 0.1]), ex('b', ['#ffffff', 0.7])], weights);
    expect(palette.find((c) => c.hex === '#ffffff')!.confidence).toBeCloseTo(0.95, 10);
    expect(palette.find((c) => c.hex === '#ff0000')!.confidence).toBeCloseTo(0.5 + 0.45 * (1 / 1.8), 10);
  });

  it('drops a colour that only a minority of the weight saw', () => {
    const palette = voteTier1([ex('a', ['#ffffff', 0.9]), ex('b', ['#ffffff', 0.9], ['#00ff00', 0.05])], weights);
    expect(palette.map((c) => c.hex)).toEqual(['#ffffff']);
  });

  it('never merges two colours of the same extractor, however close', () => {
    const palette = voteTier1([ex('a', ['#ffffff', 0.6], ['#f8fafc', 0.3])], new Map([['a', 1]]));
    expect(palette.map((c) => c.hex)).toEqual(['#ffffff', '#f8fafc']);
  });

  it('is independent of the order of the colours within an extraction', () => {
    const one = voteTier1([ex('a', ['#111111', 0.1], ['#ffffff', 0.8]), ex('b', ['#ffffff', 0.8], ['#121212', 0.1])], weights);
    const two = voteTier1([ex('a', ['#ffffff', 0.8], ['#111111', 0.1]), ex('b', ['#121212', 0.1], ['#ffffff', 0.8])], weights);
    expect(two).toEqual(one);
  });

  it('returns nothing when no extractor carries weight', () => {
    expect(voteTier1([ex('z', ['#ffffff', 1])], weights)).toEqual([]);
  });
});
