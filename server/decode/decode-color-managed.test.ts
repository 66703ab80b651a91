import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeImage } from './decode-image.ts';
import { encodeTestPng } from './testing/encode-png.ts';

/**
 * Reference values, not Chorus's own output: #3366cc stored in a Display P3 image is sRGB
 * #1b68d3 (issue 11: what a colour-managed browser shows); a linear-light 128/255 is sRGB 188
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

function u32(...values: number[]): Uint8Array {
  const out = new Uint8Array(values.length * 4);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => view.setUint32(i * 4, v));
  return out;
}

/**
 * A matrix/TRC ICC profile written byte by byte (ICC.1:2022 §7), with the D50-adapted primaries
 * and parametric curve of Apple's "Display P3" profile as that profile publishes them.
 */
function displayP3IccProfile(): Uint8Array {
  const fixed = (v: number): number => Math.round(v * 65536) >>> 0;
  const xyzTag = (x: number, y: number, z: number): Uint8Array => Uint8Array.from([...Buffer.from('XYZ '), 0, 0, 0, 0, ...u32(fixed(x), fixed(y), fixed(z))]);
  // para type 3: Y = (aX + b)^g for X >= d, else cX — the sRGB curve.
  const para = Uint8Array.from([...Buffer.from('para'), 0, 0, 0, 0, 0, 3, 0, 0, ...u32(fixed(2.4), fixed(1 / 1.055), fixed(0.055 / 1.055), fixed(1 / 12.92), fixed(0.04045))]);
  const tags: [string, Uint8Array][] = [
    ['rXYZ', xyzTag(0.515102, 0.241182, -0.001053)],
    ['gXYZ', xyzTag(0.291965, 0.692236, 0.041885)],
    ['bXYZ', xyzTag(0.157103, 0.066582, 0.784092)],
    ['rTRC', para],
    ['gTRC', para],
    ['bTRC', para],
  ];
  const tableBytes = 4 + tags.length * 12;
  let offset = 128 + tableBytes;
  const entries: number[] = [];
  const bodies: Uint8Array[] = [];
  for (const [name, body] of tags) {
    entries.push(...Buffer.from(name), ...u32(offset, body.length));
    bodies.push(body);
    offset += body.length + ((4 - (body.length % 4)) % 4);
    if (body.length % 4) bodies.push(new Uint8Array((4 - (body.length % 4)) % 4));
  }
  const header = new Uint8Array(128);
  header.set(u32(offset), 0);
  header.set(Buffer.from('mntr'), 12);
  header.set(Buffer.from('RGB '), 16);
  header.set(Buffer.from('XYZ '), 20);
  header.set(Buffer.from('acsp'), 36);
  return Uint8Array.from([...header, ...u32(tags.length), ...entries, ...bodies.flatMap((b) => [...b])]);
}

function iccpChunk(profile: Uint8Array): { type: string; data: Uint8Array } {
  return { type: 'iCCP', data: Uint8Array.from([...Buffer.from('Display P3'), 0, 0, ...deflateSync(profile)]) };
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
