import { describe, expect, it } from 'vitest';
import type { ColorVote } from '../color-vote.ts';
import { canonicalPoints } from '../private/point.ts';
import { readsItself } from './reads-itself.ts';

const measured = canonicalPoints([
  { extractor: 'flat', weight: 1, hex: '#ffffff', share: 0.7, measured: true },
  { extractor: 'flat', weight: 1, hex: '#212529', share: 0.05, measured: true },
  { extractor: 'flat', weight: 1, hex: '#0d6efd', share: 0.03, measured: true },
]);
const answer = (...hexes: string[]) => canonicalPoints(hexes.map((hex): ColorVote => ({ extractor: 'local', weight: 0.7, hex, measured: false })));

describe('readsItself', () => {
  it('is true for an answer of several colours, each a few ΔE off what CV measured', () => {
    expect(readsItself(answer('#fcfdfb', '#23262c', '#1170f9'), measured)).toBe(true);
  });

  it('is false as soon as one colour is a copy of a measured value', () => {
    expect(readsItself(answer('#fcfdfb', '#212529', '#1170f9'), measured)).toBe(false);
  });

  it('is false for an answer too short to tell (the seed’s single reading a little off)', () => {
    expect(readsItself(answer('#fcfdfb', '#23262c'), measured)).toBe(false);
  });
});
