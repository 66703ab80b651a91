/** Björn Ottosson's OKLab (D65): L 0–1, a and b roughly −0.4–0.4 for sRGB colours. */
export interface Oklab {
  L: number;
  a: number;
  b: number;
}
