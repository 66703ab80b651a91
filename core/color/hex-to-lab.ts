import type { Lab } from './lab.ts';
import { parseHex } from './parse-hex.ts';
import { rgbToLab } from './rgb-to-lab.ts';

/** A hex colour (any form `parseHex` takes) → CIE L*a*b* (D65, L 0–100); null if it isn't one. */
export function hexToLab(hex: string): Lab | null {
  const rgb = parseHex(hex);
  return rgb === null ? null : rgbToLab(rgb);
}
