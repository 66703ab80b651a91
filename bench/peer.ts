import type { RgbaImage } from '../core/cv/rgba-image.ts';

/** An open-source palette extractor the benchmark compares Chorus with. */
export interface Peer {
  /** Row label, e.g. `extract-colors`. */
  readonly id: string;
  /** How it was called, for the report (options that differ from the library's defaults, workarounds). */
  readonly note: string;
  /** Timed runs per image are capped here for a slow peer (the report says so). */
  readonly maxRuns?: number;
  /** Lower-case `#rrggbb` colours, most prominent first; 8 where the library takes a count. */
  extract(image: RgbaImage): Promise<string[]> | string[];
}
