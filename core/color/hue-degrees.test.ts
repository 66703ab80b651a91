import { describe, expect, it } from 'vitest';
import { chroma } from './chroma.ts';
import { hueDegrees } from './hue-degrees.ts';

describe('chroma', () => {
  it('is the length of (a, b)', () => {
    expect(chroma({ a: 3, b: 4 })).toBe(5);
    expect(chroma({ a: 0, b: 0 })).toBe(0);
  });
});

describe('hueDegrees', () => {
  it('measures from +a towards +b, in [0, 360)', () => {
    expect(hueDegrees({ a: 1, b: 0 })).toBe(0);
    expect(hueDegrees({ a: 0, b: 1 })).toBeCloseTo(90, 12);
    expect(hueDegrees({ a: -1, b: 0 })).toBeCloseTo(180, 12);
    expect(hueDegrees({ a: 0, b: -1 })).toBeCloseTo(270, 12);
    expect(hueDegrees({ a: 1, b: -1 })).toBeCloseTo(315, 12);
  });

  it('never returns 360, even for a hair below the +a axis', () => {
    const h = hueDegrees({ a: 1, b: -1e-300 });
    expect(h).toBeGreaterThanOrEqual(0);
    expect(h).toBeLessThan(360);
  });

  it('is 0 for a neutral', () => {
    expect(hueDegrees({ a: 0, b: 0 })).toBe(0);
  });
});
