import type { Matrix3 } from './private/matrix3.ts';
import { primariesToXyzMatrix, type Chromaticity } from './private/primaries-to-xyz-matrix.ts';
import type { Xyz } from './xyz.ts';

export type { Matrix3 } from './private/matrix3.ts';
export type { Chromaticity } from './private/primaries-to-xyz-matrix.ts';

/**
 * An RGB colour space as an image's colour profile describes it: a decoding curve per channel
 * (encoded 0–1 → linear light 0–1) and the matrix from linear RGB to XYZ under `white` (Y of white
 * = 1). What `convertRgbaToSrgb` takes; an ICC profile's matrix is relative to its D50 white.
 */
export interface RgbSpace {
  readonly curves: readonly [(v: number) => number, (v: number) => number, (v: number) => number];
  readonly toXyz: Matrix3;
  readonly white: Readonly<Xyz>;
}

/** The XYZ of a chromaticity, scaled to Y = 1. */
export function chromaticityToXyz(c: Chromaticity): Xyz {
  return { x: c.x / c.y, y: 1, z: (1 - c.x - c.y) / c.y };
}

/** An RGB space from its primaries, white point and one curve for all three channels. */
export function rgbSpaceFromPrimaries(
  primaries: { readonly red: Chromaticity; readonly green: Chromaticity; readonly blue: Chromaticity; readonly white: Chromaticity },
  curve: (v: number) => number,
): RgbSpace {
  return {
    curves: [curve, curve, curve],
    toXyz: primariesToXyzMatrix(primaries.red, primaries.green, primaries.blue, primaries.white),
    white: chromaticityToXyz(primaries.white),
  };
}
