import type { Role } from '../palette/role.ts';

/** One side of a pair: a palette colour (its role or `color-N` key) or a colour the layers used. */
export interface PairColor {
  readonly key: string;
  readonly role?: Role;
  readonly hex: string;
}

/** Text drawn on a background, as the screen uses it. */
export interface ContrastPair {
  readonly text: PairColor;
  readonly background: PairColor;
  /** WCAG "large scale" text (18 pt, or 14 pt bold, ≈ 24 px / 18.66 px): lower thresholds. */
  readonly large?: boolean;
  /** Where the pair was seen: text layers over their backdrop, or the palette's roles. */
  readonly source: 'layers' | 'roles';
}
