import { keyBlue, keyGreen, keyRed } from './pixel-words.ts';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** `#rrggbb` of a 24-bit key from `pixelWords`. */
export function keyToHex(key: number): string {
  return `#${HEX[keyRed(key)]}${HEX[keyGreen(key)]}${HEX[keyBlue(key)]}`;
}
