import { Jimp } from 'jimp';
import { describe, expect, it } from 'vitest';
import { DecodeError, type DecodeErrorCode } from './decode-error.ts';
import { decodeImage } from './decode-image.ts';
import { encodeTestPng } from './testing/encode-png.ts';

async function expectRejection(promise: Promise<unknown>, code: DecodeErrorCode): Promise<DecodeError> {
  const error: unknown = await promise.then(
    () => new Error(`expected DecodeError ${code}, but decoding succeeded`),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(DecodeError);
  expect((error as DecodeError).code).toBe(code);
  expect((error as DecodeError).message).toMatch(/^[A-Z].*\.$/);
  return error as DecodeError;
}

/** A 16 × 8 image of one colour (#635bff, Stripe's primary) in the given format, written by jimp. */
async function solidImage(mime: 'image/jpeg' | 'image/bmp' | 'image/gif' | 'image/tiff'): Promise<Uint8Array> {
  const image = new Jimp({ width: 16, height: 8, color: 0x635bffff });
  return new Uint8Array(await image.getBuffer(mime));
}

describe('decodeImage', () => {
  it('decodes a PNG natively', async () => {
    const png = encodeTestPng({ width: 2, height: 1, colorType: 2, bitDepth: 8, samples: (x) => [x * 100, 50, 200] });
    const image = await decodeImage(png);
    expect(Array.from(image.data)).toEqual([0, 50, 200, 255, 100, 50, 200, 255]);
  });

  it('decodes a JPEG through jimp, close to the source colour', async () => {
    const image = await decodeImage(await solidImage('image/jpeg'));
    expect([image.width, image.height]).toEqual([16, 8]);
    const [r, g, b, a] = Array.from(image.data.subarray(0, 4));
    // JPEG is lossy (chroma subsampling, quantisation): within a few levels of #635bff.
    expect(Math.abs(r! - 0x63)).toBeLessThanOrEqual(4);
    expect(Math.abs(g! - 0x5b)).toBeLessThanOrEqual(4);
    expect(Math.abs(b! - 0xff)).toBeLessThanOrEqual(4);
    expect(a).toBe(255);
  });

  for (const mime of ['image/bmp', 'image/gif', 'image/tiff'] as const) {
    it(`decodes a ${mime.slice(6).toUpperCase()} through jimp exactly`, async () => {
      const image = await decodeImage(await solidImage(mime));
      expect([image.width, image.height]).toEqual([16, 8]);
      expect(Array.from(image.data.subarray(0, 4))).toEqual([0x63, 0x5b, 0xff, 255]);
    });
  }

  it('refuses bytes in no image format as NOT_IMAGE', async () => {
    await expectRejection(decodeImage(new TextEncoder().encode('{"hello": "world"}')), 'NOT_IMAGE');
    await expectRejection(decodeImage(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>')), 'NOT_IMAGE');
    const empty = await expectRejection(decodeImage(new Uint8Array(0)), 'NOT_IMAGE');
    expect(empty.message).toContain('empty');
  });

  it('passes on the PNG decoder\'s own refusals', async () => {
    const png = encodeTestPng({ width: 4, height: 4, colorType: 6, bitDepth: 8, samples: () => [1, 2, 3, 4] });
    await expectRejection(decodeImage(png.subarray(0, 40)), 'TRUNCATED');
  });

  it('refuses a JPEG whose frame header declares 10000 × 10000 before decoding it', async () => {
    // SOI, then SOF0: length 17, precision 8, height 10000, width 10000, 3 components.
    const header = [0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x27, 0x10, 0x27, 0x10, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
    const error = await expectRejection(decodeImage(Uint8Array.from(header)), 'TOO_LARGE');
    expect(error.message).toContain('10000 × 10000');
  });

  it('finds the JPEG frame header after APPn segments', async () => {
    const app0 = [0xff, 0xe0, 0x00, 0x04, 0x4a, 0x46];
    const sof2 = [0xff, 0xc2, 0x00, 0x11, 0x08, 0x30, 0x00, 0x30, 0x00, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
    await expectRejection(decodeImage(Uint8Array.from([0xff, 0xd8, ...app0, ...sof2])), 'TOO_LARGE'); // 12288²
  });

  it('reports a damaged JPEG as CORRUPT', async () => {
    await expectRejection(decodeImage(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 6])), 'CORRUPT');
  });
});
