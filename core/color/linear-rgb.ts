/** A linear-light sRGB colour, channels 0–1 for in-gamut colours (IEC 61966-2-1 decoding undone). */
export interface LinearRgb {
  r: number;
  g: number;
  b: number;
}
