import type { RgbaImage } from '../rgba-image.ts';

/**
 * The image as one 32-bit word per pixel, so a pixel compares to its neighbour in one operation.
 * Byte order is the platform's (little-endian everywhere JS runs in practice): alpha is the top byte.
 */
export function pixelWords(image: RgbaImage): Uint32Array {
  const { data, width, height } = image;
  if (data.length < width * height * 4) throw new RangeError(`RGBA buffer holds ${data.length} bytes, ${width}×${height} needs ${width * height * 4}`);
  if (data.byteOffset % 4 === 0) return new Uint32Array(data.buffer, data.byteOffset, width * height);
  return new Uint32Array(new Uint8Array(data.subarray(0, width * height * 4)).buffer);
}

/** Alpha from 250 up counts as opaque: export and resampling leave 254/253 on solid fills. */
export const OPAQUE_ALPHA = 250;

export const keyRed = (key: number): number => key & 255;
export const keyGreen = (key: number): number => (key >>> 8) & 255;
export const keyBlue = (key: number): number => (key >>> 16) & 255;
