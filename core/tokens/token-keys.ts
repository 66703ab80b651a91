import type { ExportColor } from './export-color.ts';
import { toTokenName } from './token-name.ts';

/**
 * Stable, unique, valid keys for a palette: a colour's role where it has one, else its semantic
 * name, else `color-N` by position; a repeat gets `-2`, `-3`…
 */
export function tokenKeys(colors: readonly ExportColor[]): string[] {
  const used = new Set<string>();
  let unnamed = 0;
  return colors.map((c) => {
    const base = c.role ?? (c.name ? toTokenName(c.name) : `color-${++unnamed}`);
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base}-${n}`;
    used.add(key);
    return key;
  });
}
