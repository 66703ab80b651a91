import type { RgbaImage } from '../../core/cv/rgba-image.ts';
import { DecodeError } from './decode-error.ts';
import { decodePng, type DecodeOptions } from './decode-png.ts';
import { decodeWithJimp } from './decode-with-jimp.ts';
import { MAX_DECODE_PIXELS } from './max-decode-pixels.ts';
import { readImageSize } from './private/read-image-size.ts';
import { IMAGE_TYPE_NAMES, sniffImageType } from './private/sniff-image-type.ts';

/**
 * Decodes an uploaded image to 8-bit RGBA (0–255, row-major). The format is told from the
 * bytes, not from a file name or MIME type: PNG goes through the native `decodePng` (and on
 * to jimp should it ever report `UNSUPPORTED`); JPEG, GIF, BMP and TIFF through jimp, after
 * a header check against `MAX_DECODE_PIXELS` where the format allows one.
 *
 * `options.shared` asks for the pixels in shared memory (the native PNG path honours it; jimp's
 * output is its own buffer, which a caller then copies).
 *
 * Rejects with `DecodeError`: `NOT_IMAGE` for bytes in none of those formats, otherwise the
 * codes of `decodePng` / `decodeWithJimp`.
 */
export async function decodeImage(bytes: Uint8Array, options: DecodeOptions = {}): Promise<RgbaImage> {
  const type = sniffImageType(bytes);
  if (type === null) {
    throw new DecodeError(
      'NOT_IMAGE',
      bytes.length === 0
        ? 'The file is empty (0 bytes). Choose the image again and re-upload it.'
        : 'This file is not an image Chorus can read. Upload a PNG (best) or a JPEG, GIF, BMP or TIFF.',
    );
  }
  if (type === 'png') {
    try {
      return decodePng(bytes, options);
    } catch (error) {
      if (!(error instanceof DecodeError) || error.code !== 'UNSUPPORTED') throw error;
      // A PNG variant the native decoder does not read: let jimp try; if it cannot either, the native reason stands.
      return decodeWithJimp(bytes, 'PNG').catch(() => Promise.reject(error));
    }
  }
  const size = readImageSize(bytes, type);
  if (size && size.width * size.height > MAX_DECODE_PIXELS) {
    throw new DecodeError(
      'TOO_LARGE',
      `The ${IMAGE_TYPE_NAMES[type]} is ${size.width} × ${size.height} pixels; the limit is ${MAX_DECODE_PIXELS / 1e6} megapixels. Export it smaller, or crop it, and try again.`,
    );
  }
  return decodeWithJimp(bytes, IMAGE_TYPE_NAMES[type]);
}
