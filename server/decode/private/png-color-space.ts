import { inflateSync } from 'node:zlib';
import { rgbSpaceFromPrimaries, type Chromaticity, type RgbSpace } from '../../../core/color/rgb-space.ts';
import { srgbToLinear } from '../../../core/color/srgb-to-linear.ts';
import { parseIccProfile } from './parse-icc-profile.ts';
import type { PngColorChunks } from './read-png-chunks.ts';

const D65: Chromaticity = { x: 0.3127, y: 0.329 };
const SRGB_PRIMARIES = { red: { x: 0.64, y: 0.33 }, green: { x: 0.3, y: 0.6 }, blue: { x: 0.15, y: 0.06 }, white: D65 };
/** H.273 colour primaries: 1 BT.709 (= sRGB), 9 BT.2020, 12 SMPTE EG 432-1 (Display P3). */
const CICP_PRIMARIES: Readonly<Record<number, typeof SRGB_PRIMARIES>> = {
  1: SRGB_PRIMARIES,
  9: { red: { x: 0.708, y: 0.292 }, green: { x: 0.17, y: 0.797 }, blue: { x: 0.131, y: 0.046 }, white: D65 },
  12: { red: { x: 0.68, y: 0.32 }, green: { x: 0.265, y: 0.69 }, blue: { x: 0.15, y: 0.06 }, white: D65 },
};
/** BT.709's inverse OETF (H.273 transfer 1, 6, 14, 15). */
const bt709ToLinear = (v: number): number => (v < 0.081 ? v / 4.5 : ((v + 0.099) / 1.099) ** (1 / 0.45));
/** H.273 transfer characteristics Chorus can undo: 13 is the sRGB curve, 8 linear, 4 and 5 pure gammas. */
const CICP_TRANSFERS: Readonly<Record<number, (v: number) => number>> = {
  1: bt709ToLinear,
  4: (v) => v ** 2.2,
  5: (v) => v ** 2.8,
  6: bt709ToLinear,
  8: (v) => v,
  13: srgbToLinear,
  14: bt709ToLinear,
  15: bt709ToLinear,
};
/** sRGB's own gAMA value (1/2.2 × 100000, PNG §11.3.3.2); tools write it for sRGB images. */
const SRGB_GAMA = 45455;
/** gAMA values this close to sRGB's are sRGB (what writers mean, and what browsers do). */
const GAMA_TOLERANCE = 500;

/**
 * What colour space a PNG's pixels are in, by the precedence of PNG 3rd edition §11.3.2: cICP,
 * then iCCP, then sRGB, then gAMA with cHRM. Null means sRGB, nothing to convert: no chunk at
 * all (an untagged PNG is taken as sRGB, as browsers and Figma do), an sRGB chunk or profile, or a
 * description Chorus cannot use (HDR transfers, a LUT-based ICC profile), which is taken as sRGB
 * too, as browsers take it.
 */
export function pngColorSpace(color: PngColorChunks): RgbSpace | null {
  if (color.cicp && color.cicp.length === 4) {
    const [primaries, transfer, matrix] = color.cicp;
    const space = CICP_PRIMARIES[primaries!];
    const curve = CICP_TRANSFERS[transfer!];
    // Matrix coefficients 0: the samples are RGB, not YCbCr.
    if (!space || !curve || matrix !== 0) return null;
    if (space === SRGB_PRIMARIES && transfer === 13) return null;
    return rgbSpaceFromPrimaries(space, curve);
  }
  if (color.iccp) return iccSpace(color.iccp);
  if (color.srgb) return null;
  if (color.gama && color.gama.length === 4) {
    const gama = new DataView(color.gama.buffer, color.gama.byteOffset, 4).getUint32(0);
    const primaries = color.chrm && color.chrm.length === 32 ? chromaticities(color.chrm) : SRGB_PRIMARIES;
    if (gama === 0) return null;
    if (primaries === SRGB_PRIMARIES && Math.abs(gama - SRGB_GAMA) <= GAMA_TOLERANCE) return null;
    // gAMA is the encoding exponent: sample = linear^gamma, so linear = sample^(1/gamma).
    const exponent = 100000 / gama;
    return rgbSpaceFromPrimaries(primaries, (v) => v ** exponent);
  }
  return null;
}

/** iCCP: a Latin-1 name, NUL, compression method 0, then the zlib-compressed profile (§11.3.3.3). */
function iccSpace(iccp: Uint8Array): RgbSpace | null {
  const nul = iccp.indexOf(0);
  if (nul < 1 || nul > 79 || iccp[nul + 1] !== 0) return null;
  let profile: Uint8Array;
  try {
    // Profiles are a few kB; 4 MB bounds a zlib bomb.
    profile = inflateSync(iccp.subarray(nul + 2), { maxOutputLength: 4 * 1024 * 1024 });
  } catch {
    // A damaged profile leaves the pixels as they are: sRGB, as browsers take them.
    return null;
  }
  const space = parseIccProfile(profile);
  return space && !isSrgbProfile(space) ? space : null;
}

/** cHRM: white x, y, then red, green, blue x, y, each × 100000. */
function chromaticities(chrm: Uint8Array): typeof SRGB_PRIMARIES {
  const view = new DataView(chrm.buffer, chrm.byteOffset, 32);
  const at = (i: number): Chromaticity => ({ x: view.getUint32(i * 8) / 100000, y: view.getUint32(i * 8 + 4) / 100000 });
  return { white: at(0), red: at(1), green: at(2), blue: at(3) };
}

/** An sRGB ICC profile: converting would only add rounding. Its D50 red column is (0.4361, 0.2225, 0.0139). */
function isSrgbProfile(space: RgbSpace): boolean {
  const [r0, , , r1, , , r2] = space.toXyz;
  const near = (a: number, b: number): boolean => Math.abs(a - b) < 0.002;
  return near(r0, 0.4361) && near(r1, 0.2225) && near(r2, 0.0139) && near(space.curves[0](0.5), srgbToLinear(0.5));
}
