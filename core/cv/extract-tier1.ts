import type { PaletteColor } from '../palette/palette-color.ts';
import type { Extraction } from './extracted-color.ts';
import type { RgbaImage } from './rgba-image.ts';

export interface Tier1Result {
  /** The voted palette, most prominent first, with roles where they could be told. */
  readonly colors: readonly PaletteColor[];
  /** Each extractor's own answer, for display and for the server's vote. */
  readonly extractions: readonly Extraction[];
}

/** Runs every tier-1 extractor over the image and votes. (Work in progress: filled in by the lead.) */
export function extractTier1(image: RgbaImage): Tier1Result {
  void image;
  throw new Error('extractTier1 is not written yet');
}

/** Tier 1 over several frames as one palette: each frame's colours count by its pixel area. */
export function extractTier1Many(images: readonly RgbaImage[]): Tier1Result {
  void images;
  throw new Error('extractTier1Many is not written yet');
}
