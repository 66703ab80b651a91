/** Chroma √(a² + b²) of a Lab or OKLab colour, in that space's units (0 for a neutral). */
export function chroma(lab: { readonly a: number; readonly b: number }): number {
  return Math.sqrt(lab.a * lab.a + lab.b * lab.b);
}
