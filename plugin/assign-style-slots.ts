import type { PaletteColor } from '../core/palette/palette-color.ts';

/** A palette colour and the slot its style lives in: its role, or `color-<n>`. */
export interface StyleSlot {
  /** `primary`, `primary-2` for a second colour with the same role, or `color-1`, `color-2`, … */
  readonly slot: string;
  readonly color: PaletteColor;
}

/**
 * Gives every colour of a palette a slot, most prominent (largest `share`) first; ties keep the
 * palette's order. A role names its slot; the second colour with the same role gets `<role>-2`,
 * the third `<role>-3`. Colours without a role are numbered by prominence: `color-1`, `color-2`, …
 * Slots are what finds a style again on the next run, so the rule must stay deterministic.
 */
export function assignStyleSlots(palette: readonly PaletteColor[]): StyleSlot[] {
  const byProminence = palette
    .map((color, index) => ({ color, index }))
    .sort((a, b) => b.color.share - a.color.share || a.index - b.index);
  const roleCounts = new Map<string, number>();
  let unroled = 0;
  return byProminence.map(({ color }) => {
    if (color.role === undefined) return { slot: `color-${++unroled}`, color };
    const count = (roleCounts.get(color.role) ?? 0) + 1;
    roleCounts.set(color.role, count);
    return { slot: count === 1 ? color.role : `${color.role}-${count}`, color };
  });
}
