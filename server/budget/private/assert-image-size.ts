import type { ImageSize } from '../model-pricing.ts';

/** Throws a RangeError unless both sides are positive whole pixels: a zero or NaN size is a caller bug, not a free image. */
export function assertImageSize(image: ImageSize): void {
  const { width, height } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new RangeError(`Image size must be positive whole pixels, got ${width}×${height}.`);
  }
}
