import type { Lab } from './lab.ts';

// G. Sharma, W. Wu, E. N. Dalal, "The CIEDE2000 Color-Difference Formula: Implementation Notes,
// Supplementary Test Data, and Mathematical Observations", Color Res. Appl. 30(1), 21–30, 2005.
// Equation numbers below are the paper's. Parametric factors kL = kC = kH = 1 (reference conditions).
// Scalars only, no allocation: this runs inside clustering loops.

/** 25⁷: the chroma at which the a* rescaling (G) and the blue rotation (R_C) are half-way on. */
const TWENTY_FIVE_TO_THE_7TH = 6103515625;
const DEG = Math.PI / 180;
const RAD = 180 / Math.PI;

/** CIEDE2000 colour difference ΔE00 between two CIE L*a*b* colours (same white); ≈1 is a just-noticeable difference. */
export function ciede2000(lab1: Lab, lab2: Lab): number {
  const L1 = lab1.L;
  const a1 = lab1.a;
  const b1 = lab1.b;
  const L2 = lab2.L;
  const a2 = lab2.a;
  const b2 = lab2.b;

  // (2)–(5): stretch a* so near-neutral colours get round tolerance ellipses.
  const meanC = (Math.sqrt(a1 * a1 + b1 * b1) + Math.sqrt(a2 * a2 + b2 * b2)) / 2;
  const meanC7 = pow7(meanC);
  const G = 0.5 * (1 - Math.sqrt(meanC7 / (meanC7 + TWENTY_FIVE_TO_THE_7TH)));
  const a1p = (1 + G) * a1;
  const a2p = (1 + G) * a2;
  const C1p = Math.sqrt(a1p * a1p + b1 * b1);
  const C2p = Math.sqrt(a2p * a2p + b2 * b2);

  // (7): hue angles in degrees [0, 360); a neutral colour's hue is 0 by convention.
  const h1p = hueAngle(b1, a1p);
  const h2p = hueAngle(b2, a2p);

  // (8)–(10): differences. A neutral has no hue, so the hue difference is 0 if either is neutral.
  const dLp = L2 - L1;
  const dCp = C2p - C1p;
  const chromaProduct = C1p * C2p;
  let dhp = 0;
  if (chromaProduct !== 0) {
    dhp = h2p - h1p;
    if (dhp > 180) dhp -= 360;
    else if (dhp < -180) dhp += 360;
  }
  const dHp = 2 * Math.sqrt(chromaProduct) * Math.sin((dhp / 2) * DEG);

  // (12)–(14): means. The mean hue goes the short way round; with a neutral it is the other hue.
  const meanLp = (L1 + L2) / 2;
  const meanCp = (C1p + C2p) / 2;
  let meanhp = h1p + h2p;
  if (chromaProduct !== 0) {
    if (Math.abs(h1p - h2p) <= 180) meanhp /= 2;
    else meanhp = meanhp < 360 ? (meanhp + 360) / 2 : (meanhp - 360) / 2;
  }

  // (15)–(21): weighting functions and the rotation term for the blue region (hue ≈ 275°).
  const T =
    1 -
    0.17 * Math.cos((meanhp - 30) * DEG) +
    0.24 * Math.cos(2 * meanhp * DEG) +
    0.32 * Math.cos((3 * meanhp + 6) * DEG) -
    0.2 * Math.cos((4 * meanhp - 63) * DEG);
  const hueOffset = (meanhp - 275) / 25;
  const dTheta = 30 * Math.exp(-hueOffset * hueOffset);
  const meanCp7 = pow7(meanCp);
  const RC = 2 * Math.sqrt(meanCp7 / (meanCp7 + TWENTY_FIVE_TO_THE_7TH));
  const lightOffset2 = (meanLp - 50) * (meanLp - 50);
  const SL = 1 + (0.015 * lightOffset2) / Math.sqrt(20 + lightOffset2);
  const SC = 1 + 0.045 * meanCp;
  const SH = 1 + 0.015 * meanCp * T;
  const RT = -Math.sin(2 * dTheta * DEG) * RC;

  // (22)
  const l = dLp / SL;
  const c = dCp / SC;
  const h = dHp / SH;
  return Math.sqrt(l * l + c * c + h * h + RT * c * h);
}

function pow7(x: number): number {
  const x2 = x * x;
  return x2 * x2 * x2 * x;
}

function hueAngle(b: number, ap: number): number {
  if (b === 0 && ap === 0) return 0;
  const h = Math.atan2(b, ap) * RAD;
  return h < 0 ? h + 360 : h;
}
