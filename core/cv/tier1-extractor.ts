import type { Extraction } from './extracted-color.ts';
import type { RgbaImage } from './rgba-image.ts';

/** A fast CV extractor that runs in the iframe, the CLI and the server alike. */
export interface Tier1Extractor {
  readonly id: string;
  /** Weight of its votes in the tier-1 vote. */
  readonly weight: number;
  /** Pure and deterministic: the same pixels give the same colours. */
  extract(image: RgbaImage): Extraction;
}
