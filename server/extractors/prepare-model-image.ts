import { Jimp } from 'jimp';
import { fitImageForModel } from '../budget/fit-image-for-model.ts';
import type { ImageSize, ImageTokenRule } from '../budget/model-pricing.ts';
import type { ImageLimits } from '../config/extractor-config.ts';
import { ExtractorFailure, type RunImage } from '../orchestrator/extractor.ts';
import { downscaleRgba } from './private/downscale-rgba.ts';
import { encodeRgbaPng } from './private/encode-rgba-png.ts';

/** One image as a model is sent it. */
export interface ModelImage {
  readonly base64: string;
  readonly mediaType: 'image/png' | 'image/jpeg';
  readonly width: number;
  readonly height: number;
  readonly bytes: number;
}

/** JPEG qualities tried, best first, when even the fitted PNG is over the vendor's byte cap (photos compress badly as PNG). */
const JPEG_QUALITIES = [92, 85, 75] as const;

/** The longest edge a model is sent an image at: the simple-screen size when CV found a simple screen. */
export function longEdgeFor(limits: ImageLimits, simple: boolean): number {
  return simple && limits.simple_long_edge !== undefined ? Math.min(limits.simple_long_edge, limits.max_long_edge) : limits.max_long_edge;
}

/** The size `prepareModelImage` will send, for estimates before the call. */
export function sentSize(image: ImageSize, rule: ImageTokenRule, limits: ImageLimits, simple = false): ImageSize {
  return fitImageForModel(image, rule, longEdgeFor(limits, simple));
}

/**
 * The image as this model will look at it: downscaled (area average, from the full-resolution
 * pixels CV read) to the model's fitted size and re-encoded as PNG, or JPEG if the PNG is over the
 * vendor's byte cap. The uploaded bytes go as they are when no downscale is needed and they fit.
 * Throws ExtractorFailure('FAILED') when even the smallest JPEG is over the cap.
 */
export function prepareModelImage(image: RunImage, rule: ImageTokenRule, limits: ImageLimits, simple = false): Promise<ModelImage> {
  const { width, height } = sentSize(image.rgba, rule, limits, simple);
  // Models of a run sent the same size under the same cap share one downscale and one encode.
  const key = `${width}x${height}/${limits.max_bytes}`;
  let forImage = prepared.get(image);
  if (!forImage) prepared.set(image, (forImage = new Map()));
  const known = forImage.get(key);
  if (known) return known;
  const made = prepare(image, width, height, limits);
  forImage.set(key, made);
  // A failure is not kept: the next model tries again.
  made.catch(() => forImage.delete(key));
  return made;
}

/** The images already prepared for each run image, by size and byte cap; gone with the run's images. */
const prepared = new WeakMap<RunImage, Map<string, Promise<ModelImage>>>();

async function prepare(image: RunImage, width: number, height: number, limits: ImageLimits): Promise<ModelImage> {
  if (width === image.rgba.width && height === image.rgba.height && image.bytes.byteLength <= limits.max_bytes) {
    return { base64: image.base64, mediaType: image.mediaType, width, height, bytes: image.bytes.byteLength };
  }
  const same = width === image.rgba.width && height === image.rgba.height;
  const small = same ? image.rgba : image.downscale ? await image.downscale(width, height) : downscaleRgba(image.rgba, width, height);
  const png = await encodeRgbaPng(small);
  if (png.byteLength <= limits.max_bytes) return { base64: png.toString('base64'), mediaType: 'image/png', width, height, bytes: png.byteLength };
  // Rare (a photo-heavy frame over the cap): jimp's JPEG encoder is slow but the only one at hand.
  const jimp = new Jimp({ data: Buffer.from(small.data.buffer, small.data.byteOffset, small.data.byteLength), width, height });
  for (const quality of JPEG_QUALITIES) {
    const jpeg = await jimp.getBuffer('image/jpeg', { quality });
    if (jpeg.byteLength <= limits.max_bytes) return { base64: jpeg.toString('base64'), mediaType: 'image/jpeg', width, height, bytes: jpeg.byteLength };
  }
  throw new ExtractorFailure('FAILED', `The ${width} × ${height} image is over ${(limits.max_bytes / 1e6).toFixed(1)} MB even as JPEG; lower this model's image.max_bytes or max_long_edge.`);
}
