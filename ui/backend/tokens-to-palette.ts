import type { PaletteCandidate, PaletteColor } from '../../core/palette/palette-color.ts';
import type { Token } from '../../core/protocol/run-event.ts';

/** Colours a write-styles request may carry (the contract's `palette.max`). */
export const MAX_PALETTE_COLORS = 64;
/** Votes one palette colour, or one candidate, may carry (the contract's `votes.max`). */
const MAX_COLOR_VOTES = 64;
/** Candidates one palette colour may carry (the contract's `candidates.max`). */
const MAX_CANDIDATES = 16;
/** Longest colour name the contract takes. */
const MAX_NAME = 80;
/** Heaviest vote the contract takes. */
const MAX_VOTE_WEIGHT = 100;
/** Heaviest candidate (the sum of its votes) the contract takes. */
const MAX_CANDIDATE_WEIGHT = 1000;

/** A palette colour as the swatch list shows it; a conflict carries its candidates in `color`. */
export interface Swatch {
  /** Stable within a palette: the token's key (role or `color-N`), or the hex for tier 1. */
  readonly key: string;
  readonly color: PaletteColor;
  /** The designer picked this value among the conflict's candidates (the playground's review in the palette). */
  readonly chosen?: boolean;
}

/**
 * A consensus (a tier's `tokens`) as swatches, in the server's order (most prominent first), at
 * most MAX_PALETTE_COLORS. See tokenToPaletteColor for what each colour carries.
 */
export function tokensToSwatches(tokens: Readonly<Record<string, Token>>): Swatch[] {
  return Object.entries(tokens)
    .slice(0, MAX_PALETTE_COLORS)
    .map(([key, token]) => ({ key, color: tokenToPaletteColor(token) }));
}

/**
 * One token as the contract's PaletteColor, the shape the plugin writes: its hex, role, the
 * model's name, `share` (0 when only models named the colour), confidence and agreement (0–1), and
 * as `votes` the votes of the winning candidate with their weights (who backs the value written).
 * A conflict also carries `conflict: true` and every candidate, heaviest (the one written) first,
 * each with who voted for it and with what weight, so the plugin can flag it for review.
 */
export function tokenToPaletteColor(token: Token): PaletteColor {
  const name = cleanName(token.name);
  const winner = token.candidates[0];
  return {
    hex: token.hex,
    ...(token.role ? { role: token.role } : {}),
    ...(name ? { name } : {}),
    share: clamp(token.share ?? 0, 0, 1),
    confidence: clamp(token.confidence, 0, 1),
    agreement: clamp(token.agreement, 0, 1),
    votes: (winner?.votes ?? []).slice(0, MAX_COLOR_VOTES).map((v) => ({ extractor: v.extractor, hex: v.hex, weight: clamp(v.weight, 0, MAX_VOTE_WEIGHT) })),
    ...(token.conflict && token.candidates.length > 0
      ? { conflict: true, candidates: token.candidates.slice(0, MAX_CANDIDATES).map(toPaletteCandidate) }
      : {}),
  };
}

/**
 * A token's candidate as the contract's: one vote per extractor (an extractor that proposed the
 * value twice counts once, with its weights summed), heaviest first, ties by id; the name the
 * heaviest naming vote gave.
 */
function toPaletteCandidate(candidate: Token['candidates'][number]): PaletteCandidate {
  const weights = new Map<string, number>();
  for (const vote of candidate.votes) weights.set(vote.extractor, (weights.get(vote.extractor) ?? 0) + vote.weight);
  const votes = [...weights]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, MAX_COLOR_VOTES)
    .map(([extractor, weight]) => ({ extractor, weight: clamp(weight, 0, MAX_VOTE_WEIGHT) }));
  const named = candidate.votes
    .filter((v) => cleanName(v.name))
    .sort((a, b) => b.weight - a.weight || (a.extractor < b.extractor ? -1 : a.extractor > b.extractor ? 1 : 0))[0];
  const name = cleanName(named?.name);
  return {
    hex: candidate.hex,
    weight: clamp(candidate.weight, 0, MAX_CANDIDATE_WEIGHT),
    measured: candidate.measured,
    ...(name ? { name } : {}),
    votes,
  };
}

function cleanName(name: string | undefined): string | undefined {
  const trimmed = name?.trim().slice(0, MAX_NAME);
  return trimmed ? trimmed : undefined;
}

const clamp = (value: number, low: number, high: number): number => Math.min(high, Math.max(low, value));
