import { describe, expect, it } from 'vitest';
import { decodeImage } from './decode-image.ts';
import { displayP3IccProfile, iccpChunk, u32 } from './testing/display-p3-icc.ts';
import { encodeTestPng } from './testing/encode-png.ts';

/**
 * Reference values, not Chorus's own output: #3366cc stored in a Display P3 image is sRGB
 * #1b68d3 (issue 11; Chromium 2026-12 decodes the cICP file below to exactly (27, 104, 211) and
 * the iCCP one to (26, 104, 211)); a linear-light 128/255 is sRGB 188
 * (IEC 61966-2-1: 1.055 × 0.502^(1/2.4) − 0.055 = 0.7366, × 255 = 187.8).
 */
const P3_BLUE = [0x33, 0x66, 0xcc] as const;
const P3_BLUE_AS_SRGB = [0x1b, 0x68, 0xd3] as const;

function solidPng(rgb: readonly number[], extraChunks: { type: string; data: Uint8Array }[] = []): Uint8Array {
  return encodeTestPng({ width: 2, height: 2, colorType: 2, bitDepth: 8, samples: () => rgb, extraChunks });
}

async function firstPixel(png: Uint8Array): Promise<number[]> {
  const image = await decodeImage(png);
  return [...image.data.subarray(0, 4)];
}

describe('decoding tagged PNGs into sRGB (backend and CLI)', () => {
  it('takes an untagged PNG as sRGB', async () => {
    expect(await firstPixel(solidPng(P3_BLUE))).toEqual([...P3_BLUE, 255]);
  });

  it('converts a Display P3 iCCP profile into sRGB', async () => {
    const pixel = await firstPixel(solidPng(P3_BLUE, [iccpChunk(displayP3IccProfile())]));
    pixel.slice(0, 3).forEach((c, i) => expect(Math.abs(c - P3_BLUE_AS_SRGB[i]!)).toBeLessThanOrEqual(1));
    expect(pixel[3]).toBe(255);
  });

  it('converts a cICP Display P3 tag (primaries 12, sRGB transfer 13, RGB, full range)', async () => {
    const pixel = await firstPixel(solidPng(P3_BLUE, [{ type: 'cICP', data: Uint8Array.from([12, 13, 0, 1]) }]));
    pixel.slice(0, 3).forEach((c, i) => expect(Math.abs(c - P3_BLUE_AS_SRGB[i]!)).toBeLessThanOrEqual(1));
  });

  it('lets cICP win over an iCCP profile, as PNG 3rd edition orders them', async () => {
    const pixel = await firstPixel(solidPng(P3_BLUE, [{ type: 'cICP', data: Uint8Array.from([1, 13, 0, 1]) }, iccpChunk(displayP3IccProfile())]));
    expect(pixel).toEqual([...P3_BLUE, 255]);
  });

  it('leaves sRGB-tagged pixels alone (sRGB chunk, or the gAMA that means sRGB)', async () => {
    expect(await firstPixel(solidPng(P3_BLUE, [{ type: 'sRGB', data: Uint8Array.from([0]) }]))).toEqual([...P3_BLUE, 255]);
    expect(await firstPixel(solidPng(P3_BLUE, [{ type: 'gAMA', data: u32(45455) }]))).toEqual([...P3_BLUE, 255]);
  });

  it('undoes a non-sRGB gAMA: linear-light samples (gamma 1.0) come out sRGB-encoded', async () => {
    expect(await firstPixel(solidPng([128, 128, 128], [{ type: 'gAMA', data: u32(100000) }]))).toEqual([188, 188, 188, 255]);
  });

  it('keeps transparency while converting', async () => {
    const png = encodeTestPng({ width: 1, height: 1, colorType: 6, bitDepth: 8, samples: () => [...P3_BLUE, 77], extraChunks: [iccpChunk(displayP3IccProfile())] });
    expect((await firstPixel(png))[3]).toBe(77);
  });

  it('takes a profile it cannot use (damaged) as sRGB instead of failing the upload', async () => {
    const broken = { type: 'iCCP', data: Uint8Array.from([...Buffer.from('x'), 0, 0, 1, 2, 3]) };
    expect(await firstPixel(solidPng(P3_BLUE, [broken]))).toEqual([...P3_BLUE, 255]);
  });
});
