import type { Role } from '../palette/role.ts';

/** One colour an extractor found, most prominent first in its list. */
export interface ExtractedColor {
  /** Lower-case `#rrggbb`. */
  readonly hex: string;
  /** Fraction (0–1) of the sampled opaque pixels this colour stands for. */
  readonly share: number;
  readonly role?: Role;
}

/** What every tier-1 extractor returns. */
export interface Extraction {
  readonly extractor: string;
  readonly colors: readonly ExtractedColor[];
}
