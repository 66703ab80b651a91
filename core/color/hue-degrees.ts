/** Hue angle atan2(b, a) of a Lab or OKLab colour in degrees, [0, 360); 0 for an exact neutral. */
export function hueDegrees(lab: { readonly a: number; readonly b: number }): number {
  const h = (Math.atan2(lab.b, lab.a) * 180) / Math.PI;
  if (h < 0) {
    // A tiny negative angle plus 360 can round to exactly 360, outside the range.
    const wrapped = h + 360;
    return wrapped < 360 ? wrapped : 0;
  }
  return h;
}
