/** CIE 1976 L*a*b* relative to D65: L 0–100, a and b roughly −128–128 for sRGB colours. */
export interface Lab {
  L: number;
  a: number;
  b: number;
}
