import type { Oklab } from './oklab.ts';
import { parseHex } from './parse-hex.ts';
import { rgbToOklab } from './rgb-to-oklab.ts';

/** A hex colour (any form `parseHex` takes) → OKLab (L 0–1); null if it isn't one. */
export function hexToOklab(hex: string): Oklab | null {
  const rgb = parseHex(hex);
  return rgb === null ? null : rgbToOklab(rgb);
}
