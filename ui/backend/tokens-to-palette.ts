import type { PaletteColor } from '../../core/palette/palette-color.ts';
import type { Token } from '../../core/protocol/run-event.ts';

/** Colours a write-styles request may carry (the contract's `palette.max`). */
export const MAX_PALETTE_COLORS = 64;
/** Votes one palette colour may carry (the contract's `votes.max`). */
const MAX_COLOR_VOTES = 64;
/** Longest colour name the contract takes. */
const MAX_NAME = 80;
/** Heaviest vote the contract takes. */
const MAX_VOTE_WEIGHT = 100;

/** A value the extractors proposed for a colour they disagree on. */
export interface ConflictCandidate {
  readonly hex: string;
  /** The candidate's weight over all the weight that voted (0–1). */
  readonly support: number;
  readonly extractors: readonly string[];
}

/** A palette colour as the swatch list shows it, with the disagreement when there is one. */
export interface Swatch {
  /** Stable within a palette: the token's key (role or `color-N`), or the hex for tier 1. */
  readonly key: string;
  readonly color: PaletteColor;
  /** Every candidate, heaviest (the one written) first, when the vote is a conflict. */
  readonly conflict?: readonly ConflictCandidate[];
}

/**
 * A consensus (a tier's `tokens`) as swatches, in the server's order (most prominent first), at
 * most MAX_PALETTE_COLORS. Each token becomes the contract's PaletteColor: its hex, role, the
 * model's name, `share` (0 when only models named the colour), confidence, and as `votes` the
 * votes of the winning candidate with their weights: who backs the value that gets written.
 */
export function tokensToSwatches(tokens: Readonly<Record<string, Token>>): Swatch[] {
  return Object.entries(tokens)
    .slice(0, MAX_PALETTE_COLORS)
    .map(([key, token]) => {
      const total = token.candidates.reduce((sum, c) => sum + c.weight, 0);
      const conflict = token.conflict
        ? token.candidates.map((c) => ({
            hex: c.hex,
            support: total > 0 ? c.weight / total : 0,
            extractors: [...new Set(c.votes.map((v) => v.extractor))],
          }))
        : undefined;
      return { key, color: tokenToPaletteColor(token), ...(conflict ? { conflict } : {}) };
    });
}

/** One token as the PaletteColor the plugin writes (see tokensToSwatches). */
export function tokenToPaletteColor(token: Token): PaletteColor {
  const name = token.name?.trim().slice(0, MAX_NAME);
  const winner = token.candidates[0];
  return {
    hex: token.hex,
    ...(token.role ? { role: token.role } : {}),
    ...(name ? { name } : {}),
    share: clamp(token.share ?? 0, 0, 1),
    confidence: clamp(token.confidence, 0, 1),
    votes: (winner?.votes ?? []).slice(0, MAX_COLOR_VOTES).map((v) => ({ extractor: v.extractor, hex: v.hex, weight: clamp(v.weight, 0, MAX_VOTE_WEIGHT) })),
  };
}

const clamp = (value: number, low: number, high: number): number => Math.min(high, Math.max(low, value));
