import type { Extraction } from '../cv/extracted-color.ts';
import type { ColorVote } from './color-vote.ts';

/** A CV extraction as votes: every colour measured, with its share and the role the extractor gave it. */
export function extractionVotes(extraction: Extraction, weight: number): ColorVote[] {
  return extraction.colors.map((c) => ({
    extractor: extraction.extractor,
    weight,
    hex: c.hex,
    measured: true,
    share: c.share,
    ...(c.role ? { role: c.role } : {}),
  }));
}
