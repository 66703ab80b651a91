/** CIE 1931 XYZ relative to D65, scaled so the white's Y is 1 (not 100). */
export interface Xyz {
  x: number;
  y: number;
  z: number;
}
