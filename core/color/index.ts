// The public face of core/color: colour types, conversions, CIEDE2000 and WCAG contrast.
// Units: Rgb channels 0–255 (not Figma's 0–1), LinearRgb 0–1, XYZ with Y of white = 1,
// Lab L 0–100, OKLab L 0–1; everything is relative to D65.
export type { Rgb } from './rgb.ts';
export type { LinearRgb } from './linear-rgb.ts';
export type { Xyz } from './xyz.ts';
export type { Lab } from './lab.ts';
export type { Oklab } from './oklab.ts';

export { parseHex } from './parse-hex.ts';
export { formatHex } from './format-hex.ts';

export { srgbToLinear } from './srgb-to-linear.ts';
export { linearToSrgb } from './linear-to-srgb.ts';
export { SRGB8_TO_LINEAR } from './srgb8-to-linear.ts';
export { linearRgbToXyz } from './linear-rgb-to-xyz.ts';
export { xyzToLinearRgb } from './xyz-to-linear-rgb.ts';
export { xyzToLab } from './xyz-to-lab.ts';
export { labToXyz } from './lab-to-xyz.ts';
export { xyzToOklab } from './xyz-to-oklab.ts';
export { oklabToXyz } from './oklab-to-xyz.ts';

export { rgbToLab } from './rgb-to-lab.ts';
export { labToRgb } from './lab-to-rgb.ts';
export { rgbToOklab } from './rgb-to-oklab.ts';
export { oklabToRgb } from './oklab-to-rgb.ts';
export { hexToLab } from './hex-to-lab.ts';
export { hexToOklab } from './hex-to-oklab.ts';
export { rgb8ToOklab } from './rgb8-to-oklab.ts';

export { ciede2000 } from './ciede2000.ts';
export { deltaEHex } from './delta-e-hex.ts';
export { relativeLuminance } from './relative-luminance.ts';
export { contrastRatio } from './contrast-ratio.ts';
export { chroma } from './chroma.ts';
export { hueDegrees } from './hue-degrees.ts';
