import { describe, expect, it } from 'vitest';
import type { ColorVote } from '../color-vote.ts';
import { canonicalPoints } from '../private/point.ts';
import { isEcho } from './is-echo.ts';

const measured = canonicalPoints([
  { extractor: 'flat', weight: 1, hex: '#ffffff', role: 'background', share: 0.7, measured: true },
  { extractor: 'flat', weight: 1, hex: '#e9ecef', role: 'surface', share: 0.2, measured: true },
  { extractor: 'flat', weight: 1, hex: '#f0f0f0', share: 0.05, measured: true },
  { extractor: 'flat', weight: 1, hex: '#212529', role: 'text', share: 0.03, measured: true },
  { extractor: 'flat', weight: 1, hex: '#0d6efd', role: 'primary', share: 0.02, measured: true },
]);
const answer = (...colors: [string, ColorVote['role']?][]) =>
  canonicalPoints(colors.map(([hex, role]) => ({ extractor: 'gpt', weight: 1.2, hex, measured: false, ...(role ? { role } : {}) })));

describe('isEcho', () => {
  it('is true for the measured list copied in order with CV’s roles', () => {
    expect(isEcho(answer(['#ffffff', 'background'], ['#e9ecef', 'surface'], ['#f0f0f0'], ['#212529', 'text'], ['#0d6efd', 'primary']), measured)).toBe(true);
  });

  it('is false when the model dropped a measured colour from the middle of the list (an edge blend, say)', () => {
    expect(isEcho(answer(['#ffffff', 'background'], ['#e9ecef', 'surface'], ['#212529', 'text'], ['#0d6efd', 'primary']), measured)).toBe(false);
  });

  it('is false when the model moved a role', () => {
    expect(isEcho(answer(['#ffffff', 'surface'], ['#e9ecef', 'background'], ['#f0f0f0'], ['#212529', 'text'], ['#0d6efd', 'primary']), measured)).toBe(false);
  });

  it('is false when the model read a value itself or added a colour', () => {
    expect(isEcho(answer(['#fefefe', 'background'], ['#e9ecef', 'surface'], ['#f0f0f0'], ['#212529', 'text']), measured)).toBe(false);
    expect(isEcho(answer(['#ffffff', 'background'], ['#e9ecef', 'surface'], ['#f0f0f0'], ['#dc3545', 'error']), measured)).toBe(false);
  });

  it('is false for an answer too short to tell from agreement', () => {
    expect(isEcho(answer(['#ffffff', 'background'], ['#e9ecef', 'surface']), measured)).toBe(false);
  });
});
