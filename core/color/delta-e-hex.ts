import { ciede2000 } from './ciede2000.ts';
import { hexToLab } from './hex-to-lab.ts';

/** CIEDE2000 ΔE00 between two hex colours (any form `parseHex` takes); null if either isn't one. */
export function deltaEHex(hexA: string, hexB: string): number | null {
  const labA = hexToLab(hexA);
  const labB = hexToLab(hexB);
  return labA === null || labB === null ? null : ciede2000(labA, labB);
}
