import { describe, expect, it } from 'vitest';
import { exportConstraint } from './export-constraint.ts';

describe('exportConstraint', () => {
  it.each([
    [100, 50, { type: 'SCALE', value: 1 }],
    [2048, 2048, { type: 'SCALE', value: 1 }],
    [2049, 100, { type: 'WIDTH', value: 2048 }],
    [100, 5000, { type: 'HEIGHT', value: 2048 }],
    [3000, 3000, { type: 'WIDTH', value: 2048 }],
  ])('%i×%i px → %o', (width, height, expected) => {
    expect(exportConstraint(width, height)).toEqual(expected);
  });
});
