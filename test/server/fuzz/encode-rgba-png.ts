import { deflateSync } from 'node:zlib';
import type { RgbaImage } from '../../../core/cv/rgba-image.ts';
import { assemblePng, chunk, ihdr } from '../../../server/decode/testing/encode-png.ts';

/** zlib level 1: a screen re-encodes in tens of milliseconds; the server decodes any level alike. */
const FAST_DEFLATE = 1;

/** 8-bit RGBA (0–255) to a PNG: filter 0 on every row, one IDAT. Quick, for making many distinct images from one screen. */
export function encodeRgbaPng(image: RgbaImage): Uint8Array {
  const rowBytes = image.width * 4;
  const raw = new Uint8Array(image.height * (rowBytes + 1));
  for (let y = 0; y < image.height; y++) raw.set(image.data.subarray(y * rowBytes, (y + 1) * rowBytes), y * (rowBytes + 1) + 1);
  return assemblePng(ihdr(image.width, image.height, 8, 6), [chunk('IDAT', deflateSync(raw, { level: FAST_DEFLATE }))]);
}
