/** 0–255 channels → lower-case `#rrggbb`. */
export function toHex(r: number, g: number, b: number): string {
  return `#${(((1 << 24) | (r << 16) | (g << 8) | b) >>> 0).toString(16).slice(1)}`;
}
