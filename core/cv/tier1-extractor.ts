import type { Extraction } from './extracted-color.ts';
import type { RgbaImage } from './rgba-image.ts';

export interface ExtractOptions {
  /** Name roles from the image's structure (default true). */
  readonly roles?: boolean;
}

/** A fast CV extractor that runs in the iframe, the CLI and the server alike. */
export interface Tier1Extractor {
  readonly id: string;
  /** Weight of its votes in the tier-1 vote. */
  readonly weight: number;
  /** Pure and deterministic: the same pixels give the same colours. `roles: false` leaves roles out (the vote names them once for all). */
  extract(image: RgbaImage, options?: ExtractOptions): Extraction;
}
