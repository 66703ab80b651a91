import { ciede2000, contrastRatio, formatHex, hexToLab, labToRgb, parseHex } from '../color/index.ts';

/** Bisection steps over CIELAB L (0–100): 2^-20 of the range is far below one 8-bit step. */
const BISECTION_STEPS = 20;
/** Rounding to 8 bits can land a hair under the target; nudge L by this much until it passes. */
const NUDGE_L = 0.05;
const MAX_NUDGES = 200;

export interface PassingColor {
  readonly hex: string;
  readonly ratio: number;
  /** CIEDE2000 from the colour it replaces. */
  readonly deltaE: number;
}

/**
 * The colour nearest to `textHex` (CIEDE2000) that reaches `minRatio` (WCAG 2.2) on `backgroundHex`,
 * found by moving only its CIELAB lightness, darker or lighter, and keeping its a*, b* (hue and
 * chroma as far as sRGB allows): the designer's colour, as little changed as contrast demands.
 * Null when neither direction reaches the ratio (a mid-grey background cannot give 7:1) or a
 * hex is unreadable. A colour that already passes is returned as it is.
 */
export function nearestPassingColor(textHex: string, backgroundHex: string, minRatio: number): PassingColor | null {
  const lab = hexToLab(textHex);
  const bg = parseHex(backgroundHex);
  if (!lab || !bg) return null;
  const ratioOf = (hex: string): number => contrastRatio(parseHex(hex)!, bg);
  const at = (L: number): string => formatHex(labToRgb({ L, a: lab.a, b: lab.b }));
  const own = formatHex(labToRgb(lab));
  if (ratioOf(own) >= minRatio) return { hex: own, ratio: ratioOf(own), deltaE: 0 };

  const found: PassingColor[] = [];
  for (const end of [0, 100]) {
    if (ratioOf(at(end)) < minRatio) continue;
    // Contrast grows monotonically as L moves away from the background's, towards `end`.
    let [near, far] = [lab.L, end];
    for (let i = 0; i < BISECTION_STEPS; i++) {
      const mid = (near + far) / 2;
      if (ratioOf(at(mid)) >= minRatio) far = mid;
      else near = mid;
    }
    let L = far;
    for (let i = 0; i < MAX_NUDGES && ratioOf(at(L)) < minRatio; i++) L += end === 0 ? -NUDGE_L : NUDGE_L;
    const hex = at(L);
    if (ratioOf(hex) < minRatio) continue;
    found.push({ hex, ratio: ratioOf(hex), deltaE: ciede2000(lab, hexToLab(hex)!) });
  }
  return found.sort((a, b) => a.deltaE - b.deltaE)[0] ?? null;
}
