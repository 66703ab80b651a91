import type { Rgb } from './rgb.ts';

/** Formats 0–255 channels as lower-case '#rrggbb', rounding each and clamping it to 0–255 (NaN becomes 0). */
export function formatHex(rgb: Rgb): string {
  return `#${toByteHex(rgb.r)}${toByteHex(rgb.g)}${toByteHex(rgb.b)}`;
}

function toByteHex(channel: number): string {
  const rounded = Math.round(channel);
  // NaN fails `>= 0`, so it becomes 0 rather than the string 'NaN'.
  const byte = rounded >= 0 ? (rounded <= 255 ? rounded : 255) : 0;
  return byte.toString(16).padStart(2, '0');
}
