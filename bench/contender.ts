import type { RgbaImage } from '../core/cv/rgba-image.ts';
import type { Prediction } from '../test/fixtures/scorer.ts';

/** One row of the benchmark: a Chorus extractor, Chorus's vote, or a peer. */
export interface Contender {
  readonly id: string;
  readonly kind: 'chorus' | 'peer';
  readonly note: string;
  /** Cap on timed runs per image, for slow contenders. */
  readonly maxRuns?: number;
  /** Colours most prominent first, with roles where the contender gives them. */
  extract(image: RgbaImage): readonly Prediction[] | Promise<readonly Prediction[]>;
}
