import { describe, expect, it } from 'vitest';
import type { PaletteColor } from '../core/palette/palette-color.ts';
import { assignStyleSlots } from './assign-style-slots.ts';

const c = (hex: string, share: number, role?: PaletteColor['role']): PaletteColor => ({ hex, share, votes: [], ...(role ? { role } : {}) });

describe('assignStyleSlots', () => {
  it('names roled colours by role and numbers the rest by prominence', () => {
    const slots = assignStyleSlots([c('#000001', 0.1), c('#000002', 0.5, 'background'), c('#000003', 0.3)]);
    expect(slots.map((s) => [s.slot, s.color.hex])).toEqual([
      ['background', '#000002'],
      ['color-1', '#000003'],
      ['color-2', '#000001'],
    ]);
  });

  it('suffixes repeated roles -2, -3 by prominence', () => {
    const slots = assignStyleSlots([c('#000001', 0.1, 'primary'), c('#000002', 0.3, 'primary'), c('#000003', 0.2, 'primary')]);
    expect(slots.map((s) => [s.slot, s.color.hex])).toEqual([
      ['primary', '#000002'],
      ['primary-2', '#000003'],
      ['primary-3', '#000001'],
    ]);
  });

  it('keeps the palette order on equal shares', () => {
    const slots = assignStyleSlots([c('#000001', 0.2), c('#000002', 0.2)]);
    expect(slots.map((s) => s.color.hex)).toEqual(['#000001', '#000002']);
  });
});
