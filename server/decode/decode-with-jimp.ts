import { Jimp } from 'jimp';
import type { RgbaImage } from '../../core/cv/rgba-image.ts';
import { DecodeError } from './decode-error.ts';
import { MAX_DECODE_PIXELS } from './max-decode-pixels.ts';

/**
 * Decodes any format jimp reads (PNG, JPEG, GIF, BMP, TIFF) to 8-bit RGBA with jimp's
 * pure-JS decoders. The reference decoder in tests and the benchmark, and `decodeImage`'s
 * path for everything that is not a PNG. `formatName` only words the error.
 *
 * Throws `DecodeError('CORRUPT')` when jimp cannot read the bytes, `TOO_LARGE` when the
 * decoded image is over `MAX_DECODE_PIXELS` (for formats whose size is not read beforehand).
 */
export async function decodeWithJimp(bytes: Uint8Array, formatName = 'image'): Promise<RgbaImage> {
  let image: Awaited<ReturnType<typeof Jimp.fromBuffer>>;
  try {
    image = await Jimp.fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    throw new DecodeError(
      'CORRUPT',
      `The ${formatName} could not be read (${error instanceof Error ? error.message : String(error)}). Export it again, as PNG if you can, and re-upload it.`,
      { cause: error },
    );
  }
  const { data, width, height } = image.bitmap;
  // A header of width or height 0 decodes to an empty image: nothing to extract from, and no decoder should pass it on.
  if (width === 0 || height === 0) {
    throw new DecodeError('CORRUPT', `The ${formatName} has no pixels (${width} × ${height}). Export it again and re-upload it.`);
  }
  if (width * height > MAX_DECODE_PIXELS) {
    throw new DecodeError('TOO_LARGE', `The image is ${width} × ${height} pixels, over the ${MAX_DECODE_PIXELS / 1e6} megapixel limit. Export it smaller and try again.`);
  }
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width, height };
}
