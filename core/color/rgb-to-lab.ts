import type { Lab } from './lab.ts';
import { linearRgbToXyz } from './linear-rgb-to-xyz.ts';
import type { Rgb } from './rgb.ts';
import { srgbToLinear } from './srgb-to-linear.ts';
import { xyzToLab } from './xyz-to-lab.ts';

/** sRGB (channels 0–255, fractional allowed) → CIE L*a*b* (D65, L 0–100). */
export function rgbToLab({ r, g, b }: Rgb): Lab {
  return xyzToLab(linearRgbToXyz({ r: srgbToLinear(r / 255), g: srgbToLinear(g / 255), b: srgbToLinear(b / 255) }));
}
