import { describe, expect, it } from 'vitest';
import { declaredImageSize } from '../decode/declared-image-size.ts';
import { decodeImage } from '../decode/decode-image.ts';
import { encodeTestPng } from '../decode/testing/encode-png.ts';
import type { RunImage } from '../orchestrator/extractor.ts';
import { prepareModelImage } from './prepare-model-image.ts';
import { downscaleRgba } from './private/downscale-rgba.ts';

async function runImage(width: number, height: number, samples: (x: number, y: number) => readonly number[]): Promise<RunImage> {
  const bytes = encodeTestPng({ width, height, colorType: 2, bitDepth: 8, samples });
  return { bytes, base64: Buffer.from(bytes).toString('base64'), mediaType: 'image/png', rgba: await decodeImage(bytes), sha256: 'test' };
}

const claude = { rule: 'anthropic-patches', maxLongEdge: 2576, maxTokens: 4784 } as const;

describe('downscaleRgba', () => {
  it('keeps a flat region’s exact value and averages a boundary by coverage', () => {
    // 4 × 1: two black, two white pixels → 2 × 1 keeps both exactly; → 1 × 1 is their mean.
    const source = { width: 4, height: 1, data: Uint8Array.from([0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255, 255, 255, 255, 255, 255]) };
    expect([...downscaleRgba(source, 2, 1).data]).toEqual([0, 0, 0, 255, 255, 255, 255, 255]);
    expect([...downscaleRgba(source, 1, 1).data]).toEqual([128, 128, 128, 255]);
    // 3 → 2: the middle pixel is split half and half.
    const three = { width: 3, height: 1, data: Uint8Array.from([0, 0, 0, 255, 90, 90, 90, 255, 180, 180, 180, 255]) };
    expect([...downscaleRgba(three, 2, 1).data]).toEqual([30, 30, 30, 255, 150, 150, 150, 255]);
  });

  it('gives each output pixel the coverage-weighted mean of the source pixels under it, in both directions and at any ratio', () => {
    // A seeded mix of flat runs and noise, against the definition computed pixel by pixel.
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const sw = 37, sh = 29;
    const data = new Uint8Array(sw * sh * 4);
    for (let i = 0; i < sw * sh; i++) {
      const flat = (i % sw) < 12;
      for (let c = 0; c < 4; c++) data[i * 4 + c] = flat ? 40 + c * 50 : Math.floor(next() * 256);
    }
    const source = { width: sw, height: sh, data };
    const cover = (lo: number, hi: number, s: number) => Math.max(0, Math.min(hi, s + 1) - Math.max(lo, s));
    for (const [width, height] of [[36, 28], [20, 15], [9, 4], [1, 1]] as const) {
      const fx = sw / width, fy = sh / height;
      const expected: number[] = [];
      for (let oy = 0; oy < height; oy++)
        for (let ox = 0; ox < width; ox++)
          for (let c = 0; c < 4; c++) {
            let sum = 0;
            for (let y = Math.floor(oy * fy); y < Math.min(sh, Math.ceil((oy + 1) * fy)); y++)
              for (let x = Math.floor(ox * fx); x < Math.min(sw, Math.ceil((ox + 1) * fx)); x++) sum += data[(y * sw + x) * 4 + c]! * cover(ox * fx, (ox + 1) * fx, x) * cover(oy * fy, (oy + 1) * fy, y);
            expected.push(Math.round(sum / (fx * fy)));
          }
      const got = [...downscaleRgba(source, width, height).data];
      // Float sums in another order may land a rounding apart, never more.
      expect(got.every((v, i) => Math.abs(v - expected[i]!) <= 1)).toBe(true);
      expect(got.filter((v, i) => v !== expected[i]).length).toBeLessThan(got.length / 100);
    }
  });

  it('refuses to upscale', () => {
    expect(() => downscaleRgba({ width: 2, height: 2, data: new Uint8Array(16) }, 3, 2)).toThrow(RangeError);
  });
});

describe('prepareModelImage', () => {
  it('sends the uploaded bytes untouched when the model looks at the full size', async () => {
    const image = await runImage(800, 500, () => [40, 42, 54]);
    const sent = await prepareModelImage(image, claude, { max_long_edge: 2576, max_bytes: 5 * 1024 * 1024 });
    expect(sent).toMatchObject({ base64: image.base64, mediaType: 'image/png', width: 800, height: 500 });
  });

  it('downscales where the image says (the server’s CPU pool), once for every model sent the same size', async () => {
    const plain = await runImage(3000, 1000, (x) => (x < 1500 ? [40, 42, 54] : [248, 248, 242]));
    const asked: string[] = [];
    const image: RunImage = {
      ...plain,
      downscale: async (width, height) => {
        asked.push(`${width}x${height}`);
        return downscaleRgba(plain.rgba, width, height);
      },
    };
    const limits = { max_long_edge: 2576, max_bytes: 5 * 1024 * 1024 };
    const [a, b] = await Promise.all([prepareModelImage(image, claude, limits), prepareModelImage(image, claude, limits)]);
    expect(a).toBe(b);
    expect(asked).toEqual([`${a.width}x${a.height}`]);
    await prepareModelImage(image, claude, { ...limits, max_long_edge: 1000 });
    expect(asked).toHaveLength(2);
  });

  it('downscales to the fitted size and re-encodes a PNG of that size', async () => {
    const image = await runImage(3000, 1000, (x) => (x < 1500 ? [40, 42, 54] : [248, 248, 242]));
    const sent = await prepareModelImage(image, claude, { max_long_edge: 1500, max_bytes: 5 * 1024 * 1024 });
    expect(sent).toMatchObject({ mediaType: 'image/png', width: 1500, height: 500 });
    expect(declaredImageSize(Buffer.from(sent.base64, 'base64'))).toEqual({ width: 1500, height: 500 });
    const decoded = await decodeImage(Buffer.from(sent.base64, 'base64'));
    // Flat regions keep their exact colours.
    expect([...decoded.data.slice(0, 3)]).toEqual([40, 42, 54]);
  });

  it('falls back to JPEG when the PNG is over the byte cap, and fails clearly when nothing fits', async () => {
    let seed = 7;
    const noise = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24;
    const image = await runImage(600, 400, () => [noise(), noise(), noise()]);
    const sent = await prepareModelImage(image, claude, { max_long_edge: 300, max_bytes: 150_000 });
    expect(sent).toMatchObject({ mediaType: 'image/jpeg', width: 300, height: 200 });
    expect(sent.bytes).toBeLessThanOrEqual(150_000);
    await expect(prepareModelImage(image, claude, { max_long_edge: 600, max_bytes: 10_000 })).rejects.toMatchObject({ code: 'FAILED', message: expect.stringMatching(/even as JPEG/) });
  });
});
