import type { PaletteColor } from '../../core/palette/palette-color.ts';

/**
 * The palette with the designer's locked colours pinned: a locked slot keeps the value it had when
 * it was locked, whatever a later tier voted, so the vote never moves a brand colour. A role's
 * slot is its most prominent colour with that role (the plugin's assignStyleSlots rule); a lock
 * whose slot names no colour now changes nothing.
 */
export function pinLocked(palette: readonly PaletteColor[], locks: ReadonlyMap<string, string>): PaletteColor[] {
  if (locks.size === 0) return [...palette];
  const firstOfRole = new Map<string, number>();
  [...palette.entries()]
    .sort((a, b) => b[1].share - a[1].share || a[0] - b[0])
    .forEach(([i, c]) => {
      if (c.role && !firstOfRole.has(c.role)) firstOfRole.set(c.role, i);
    });
  return palette.map((color, i) => {
    const slot = color.role && firstOfRole.get(color.role) === i ? color.role : undefined;
    const hex = slot ? locks.get(slot) : undefined;
    return hex && hex !== color.hex ? { ...color, hex } : color;
  });
}
