import type { Extraction } from '../cv/extracted-color.ts';
import { TIER1_EXTRACTORS } from '../cv/tier1-extractors.ts';
import type { PaletteColor } from '../palette/palette-color.ts';
import type { ColorVote } from '../vote/color-vote.ts';
import { consensus, type ConsensusColor } from '../vote/consensus.ts';
import { extractionVotes } from '../vote/extraction-votes.ts';
import { DOCUMENT_ID, DOCUMENT_WEIGHT } from './vote-document.ts';

/** Tier 1's palette speaks for the pixels as one voter: its CV extractors read the same evidence. */
export const PIXELS_ID = 'tier-1';
const PIXELS_WEIGHT = TIER1_EXTRACTORS.reduce((sum, e) => sum + e.weight, 0);

/**
 * Tier 1's palette (the pixels, values and inferred roles) and the document's layers voted
 * together, as two independent kinds of evidence of equal weight: where they agree the colour is
 * sure; where they name a role differently it is a conflict for the designer; a role only the
 * layers can tell (on-primary behind a label, a border) comes from the layers. See consensus().
 */
export function mergeWithDocument(pixels: readonly PaletteColor[], document: Extraction): ConsensusColor[] {
  const pixelVotes: ColorVote[] = pixels.map((c) => ({
    extractor: PIXELS_ID,
    weight: PIXELS_WEIGHT,
    hex: c.hex,
    measured: true,
    share: c.share,
    ...(c.role ? { role: c.role } : {}),
  }));
  // The layers are their own kind of evidence: agreeing with the pixels raises confidence as another kind does.
  const kinds = new Map([
    [PIXELS_ID, 'cv' as const],
    [DOCUMENT_ID, 'document' as const],
  ]);
  return [...consensus([...pixelVotes, ...extractionVotes(document, DOCUMENT_WEIGHT)], { kinds }).colors];
}
