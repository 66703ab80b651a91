import { describe, expect, it } from 'vitest';
import type { ColorVote } from './color-vote.ts';
import { confidenceOf, consensus } from './consensus.ts';

const model = (extractor: string, weight: number, hex: string, role?: ColorVote['role'], name?: string): ColorVote => ({
  extractor,
  weight,
  hex,
  measured: false,
  ...(role ? { role } : {}),
  ...(name ? { name } : {}),
});
const cv = (extractor: string, weight: number, hex: string, role?: ColorVote['role'], share?: number): ColorVote => ({
  extractor,
  weight,
  hex,
  measured: true,
  ...(role ? { role } : {}),
  ...(share !== undefined ? { share } : {}),
});

describe('consensus', () => {
  it('reproduces the worked example: #F15925 wins with 78.6 % agreement and confidence 0.85', () => {
    const { colors } = consensus([
      cv('opencv', 1.0, '#F15925', 'primary'),
      model('llava', 0.9, '#F25A27', 'primary'),
      model('gpt4v', 1.2, '#F15925', 'primary'),
      model('claude', 1.1, '#F15925', 'primary'),
    ]);
    expect(colors).toHaveLength(1);
    const primary = colors[0]!;
    expect(primary.hex).toBe('#f15925');
    expect(primary.agreement).toBeCloseTo(3.3 / 4.2, 10);
    expect(Number((primary.agreement * 100).toFixed(1))).toBe(78.6);
    expect(Number(primary.confidence.toFixed(2))).toBe(0.85);
    expect(primary.conflict).toBe(false);
    expect(primary.candidates.map((c) => [c.hex, Number(c.weight.toFixed(6))])).toEqual([
      ['#f15925', 3.3],
      ['#f25a27', 0.9],
    ]);
  });

  it('maps agreement to confidence: 100 % → 0.95, 80 % → 0.86, 60 % → 0.77', () => {
    expect(confidenceOf(1)).toBeCloseTo(0.95, 10);
    expect(confidenceOf(0.8)).toBeCloseTo(0.86, 10);
    expect(confidenceOf(0.6)).toBeCloseTo(0.77, 10);
  });

  it('flags a colour under 60 % agreement as a conflict carrying every candidate with its extractors and weights', () => {
    const { colors } = consensus([
      cv('flat', 1, '#0d6efd', 'primary'),
      model('openai', 1.2, '#6f42c1', 'primary'),
      model('claude', 1.1, '#198754', 'primary'),
    ]);
    const primary = colors[0]!;
    expect(primary.conflict).toBe(true);
    expect(primary.agreement).toBeCloseTo(1.2 / 3.3, 10);
    expect(primary.candidates.map((c) => c.votes.map((v) => `${v.extractor}:${v.weight}`))).toEqual([['openai:1.2'], ['claude:1.1'], ['flat:1']]);
  });

  it('is not a conflict when everyone agrees, even at a low weight', () => {
    const { colors } = consensus([cv('flat', 0.2, '#ffffff', 'background')]);
    expect(colors[0]).toMatchObject({ hex: '#ffffff', agreement: 1, conflict: false });
  });

  it('snaps a winning model colour to a measured one within a just-noticeable difference, keeping the model name', () => {
    const { colors } = consensus([
      cv('flat', 1, '#0d6efd', 'primary', 0.02),
      model('openai', 1.2, '#0b6cfb', 'primary', 'bootstrap-blue'),
      model('claude', 1.1, '#0b6cfb', 'primary', 'azure'),
    ]);
    const primary = colors[0]!;
    expect(primary.hex).toBe('#0d6efd');
    expect(primary.name).toBe('bootstrap-blue');
    expect(primary.agreement).toBeCloseTo(2.3 / 3.3, 10);
  });

  it('keeps a colour most models named, as they named it, when no measurement is near', () => {
    const { colors } = consensus([
      cv('flat', 1, '#ffffff', 'background', 0.9),
      model('openai', 1.2, '#ff00ff', 'accent', 'magenta'),
      model('claude', 1, '#ff00ff', 'accent', 'fuchsia'),
      model('llava', 0.5, '#00ff00', 'success', 'lime'),
    ]);
    expect(colors.find((c) => c.role === 'accent')).toMatchObject({ hex: '#ff00ff', name: 'magenta' });
    // One model of three alone: its invention is left out.
    expect(colors.find((c) => c.role === 'success')).toBeUndefined();
  });

  it('leaves out a colour only one of the measuring extractors saw', () => {
    const { colors } = consensus([
      cv('flat', 1, '#282a36', 'background', 0.8),
      cv('km', 0.8, '#282a36', 'background', 0.8),
      cv('full', 1, '#282a36', 'background', 0.8),
      cv('km', 0.8, '#5f6e9e', 'accent', 0.001),
    ]);
    expect(colors.map((c) => c.role)).toEqual(['background']);
  });

  it('treats votes far under a just-noticeable difference as the same colour', () => {
    const { colors } = consensus([cv('a', 1, '#0d6efd', 'primary'), cv('b', 1, '#0d6efe', 'primary')]);
    expect(colors[0]!.agreement).toBe(1);
    expect(colors[0]!.candidates).toHaveLength(1);
  });

  it('counts only the weight that named a role', () => {
    const { colors } = consensus([cv('a', 1, '#ffffff', 'background', 0.9), cv('b', 1, '#ffffff', 'background', 0.9), model('m', 3, '#111111', 'text')]);
    expect(colors.find((c) => c.role === 'background')!.agreement).toBe(1);
    expect(colors.find((c) => c.role === 'text')!.agreement).toBe(1);
  });

  it('matches colours without a role across extractors by distance, and keeps those a majority of the weight saw', () => {
    const { colors } = consensus([
      cv('a', 1, '#ffffff', 'background', 0.8),
      cv('b', 1, '#ffffff', 'background', 0.8),
      cv('a', 1, '#e5e7eb', undefined, 0.05),
      cv('b', 1, '#e6e8eb', undefined, 0.05),
      cv('a', 1, '#ff0000', undefined, 0.01),
    ]);
    expect(colors.map((c) => c.key)).toEqual(['background', 'color-1']);
    expect(colors[1]!.hex).toBe('#e5e7eb');
  });

  it('does not list a colour twice when an extractor gave it a role and another did not', () => {
    const { colors } = consensus([cv('a', 1, '#ffffff', 'background', 0.9), cv('b', 1, '#ffffff', undefined, 0.9)]);
    expect(colors.map((c) => c.key)).toEqual(['background']);
  });

  it('is independent of the order of the votes', () => {
    const votes = [
      cv('flat', 1, '#0d6efd', 'primary', 0.02),
      model('openai', 1.2, '#6f42c1', 'primary', 'violet'),
      model('claude', 1.2, '#198754', 'primary', 'green'),
      cv('flat', 1, '#ffffff', 'background', 0.8),
      cv('km', 0.8, '#fefefe', 'background', 0.8),
      cv('km', 0.8, '#dee2e6', undefined, 0.01),
      cv('flat', 1, '#dee2e6', undefined, 0.01),
    ];
    const reference = consensus(votes);
    for (let shift = 1; shift < votes.length; shift++) {
      expect(consensus([...votes.slice(shift), ...votes.slice(0, shift)])).toEqual(reference);
      expect(consensus([...votes].reverse())).toEqual(reference);
    }
  });

  it('breaks an exact tie between two values the same way every time, preferring the measured one', () => {
    const { colors } = consensus([cv('flat', 1, '#0d6efd', 'primary'), model('m', 1, '#6f42c1', 'primary')]);
    expect(colors[0]!.hex).toBe('#0d6efd');
    expect(colors[0]!.conflict).toBe(true);
  });

  it('takes the share of a colour the models put in a role from wherever CV measured it', () => {
    const { colors } = consensus([
      cv('flat', 1, '#3b4252', 'background', 0.74),
      cv('flat', 1, '#2e3440', 'surface', 0.05),
      model('a', 1.2, '#2e3440', 'background'),
      model('b', 1.1, '#2e3440', 'background'),
    ]);
    expect(colors.find((c) => c.role === 'background')).toMatchObject({ hex: '#2e3440', share: 0.05 });
  });

  it('gives an empty palette with confidence 0 for no votes', () => {
    expect(consensus([])).toEqual({ colors: [], confidence: 0 });
  });
});
