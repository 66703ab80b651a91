import type { Learning } from '../core/messages/plugin-messages.ts';
import type { PaletteCandidate } from '../core/palette/palette-color.ts';

/**
 * `learning` after one review decision: every extractor that voted for any of the candidates has
 * one more decision (`decided`), and one more agreement (`agreed`) if one of its votes was for the
 * chosen colour. An extractor counts once per decision however many votes it cast. A colour that
 * was no candidate counts as decided against every voter. Returns a new object.
 */
export function learnFromDecision(learning: Learning, candidates: readonly PaletteCandidate[], chosenHex: string): Learning {
  const voters = new Set<string>();
  const agreeing = new Set<string>();
  for (const candidate of candidates) {
    for (const vote of candidate.votes) {
      voters.add(vote.extractor);
      if (candidate.hex === chosenHex) agreeing.add(vote.extractor);
    }
  }
  const next: Learning = { ...learning };
  for (const extractor of [...voters].sort()) {
    const before = next[extractor] ?? { agreed: 0, decided: 0 };
    next[extractor] = { agreed: before.agreed + (agreeing.has(extractor) ? 1 : 0), decided: before.decided + 1 };
  }
  return next;
}
