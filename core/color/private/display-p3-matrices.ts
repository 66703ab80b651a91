import { multiplyMatrix3, type Matrix3 } from './matrix3.ts';
import { invertMatrix3, primariesToXyzMatrix } from './primaries-to-xyz-matrix.ts';
import { LINEAR_SRGB_TO_XYZ, XYZ_TO_LINEAR_SRGB } from './srgb-matrices.ts';

// Display P3 (Apple; CSS Color 4 `display-p3`): the DCI-P3 primaries with the D65 white and the
// sRGB transfer curve. Primaries from SMPTE EG 432-1, as CSS Color 4 §10.6 lists them.
const P3_RED = { x: 0.68, y: 0.32 };
const P3_GREEN = { x: 0.265, y: 0.69 };
const P3_BLUE = { x: 0.15, y: 0.06 };
const D65 = { x: 0.3127, y: 0.329 };

/** Linear Display P3 (0–1) → XYZ (D65, Y of white = 1). */
export const LINEAR_P3_TO_XYZ: Matrix3 = primariesToXyzMatrix(P3_RED, P3_GREEN, P3_BLUE, D65);

/** Linear Display P3 → linear sRGB, through XYZ: both spaces share the D65 white, so no adaptation. */
export const LINEAR_P3_TO_LINEAR_SRGB: Matrix3 = multiplyMatrix3(XYZ_TO_LINEAR_SRGB, LINEAR_P3_TO_XYZ);

/** Linear sRGB → linear Display P3. */
export const LINEAR_SRGB_TO_LINEAR_P3: Matrix3 = multiplyMatrix3(invertMatrix3(LINEAR_P3_TO_XYZ), LINEAR_SRGB_TO_XYZ);
