import type { Decision } from '../../core/messages/plugin-messages.ts';
import type { Swatch } from '../backend/tokens-to-palette.ts';

/** The designer's picks in the palette itself (the playground, which has no file to flag them in): swatch key → `#rrggbb`. */
export type PaletteChoices = ReadonlyMap<string, string>;

/**
 * The swatches with the designer's picks applied. A picked colour takes the candidate's value, its
 * name (if a model gave one) and its votes; it is no longer a conflict, and its candidates stay as
 * the record of what was chosen among. The vote's confidence is dropped: the designer decided, not
 * the vote. A pick whose swatch is gone, or that is no candidate of it, changes nothing. Later
 * tiers keep the pick (the designer's word stands over a new vote, as in the file).
 */
export function applyChoices(swatches: readonly Swatch[], choices: PaletteChoices): Swatch[] {
  if (choices.size === 0) return [...swatches];
  return swatches.map((swatch) => {
    const hex = choices.get(swatch.key);
    const candidates = swatch.color.candidates ?? [];
    const chosen = candidates.find((candidate) => candidate.hex === hex);
    if (!chosen) return swatch;
    const total = candidates.reduce((sum, candidate) => sum + candidate.weight, 0);
    const { confidence: _vote, name: _name, ...rest } = swatch.color;
    return {
      key: swatch.key,
      chosen: true,
      color: {
        ...rest,
        hex: chosen.hex,
        ...(chosen.name ? { name: chosen.name } : {}),
        agreement: total > 0 ? chosen.weight / total : 0,
        votes: chosen.votes.map((vote) => ({ extractor: vote.extractor, hex: chosen.hex, weight: vote.weight })),
        conflict: false,
        candidates,
      },
    };
  });
}

/** A pick as the backend's dashboard records review decisions: which extractors the designer agreed with. */
export function decisionOf(swatch: Swatch, hex: string): Decision {
  return {
    role: swatch.color.role ?? '',
    chosenHex: hex,
    candidates: (swatch.color.candidates ?? []).map((candidate) => ({ hex: candidate.hex, extractors: candidate.votes.map((vote) => vote.extractor) })),
  };
}
