import type { Swatch } from '../backend/tokens-to-palette.ts';

/** Text colours the designer replaced with the nearest passing one: swatch key → `#rrggbb`. */
export type ContrastFixes = ReadonlyMap<string, string>;

/**
 * The swatches with the designer's contrast fixes applied: a fixed colour takes the new value and
 * keeps its role; the vote's confidence, agreement and votes no longer describe it (the designer
 * chose it, for contrast), so they go, and it is no conflict any more. A fix for a swatch that is
 * gone changes nothing.
 */
export function applyContrastFixes(swatches: readonly Swatch[], fixes: ContrastFixes): Swatch[] {
  if (fixes.size === 0) return [...swatches];
  return swatches.map((swatch) => {
    const hex = fixes.get(swatch.key);
    if (hex === undefined || hex === swatch.color.hex) return swatch;
    const { confidence: _c, agreement: _a, candidates: _k, conflict: _f, ...rest } = swatch.color;
    return { key: swatch.key, chosen: true, color: { ...rest, hex, votes: [] } };
  });
}
