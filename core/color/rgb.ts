/** A gamma-encoded sRGB colour, channels 0–255; conversions may leave them fractional or (out of gamut) outside 0–255. */
export interface Rgb {
  r: number;
  g: number;
  b: number;
}
