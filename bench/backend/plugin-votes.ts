import { extractTier1 } from '../../core/cv/extract-tier1.ts';
import type { RgbaImage } from '../../core/cv/rgba-image.ts';
import { TIER1_EXTRACTORS } from '../../core/cv/tier1-extractors.ts';
import type { ColorVote } from '../../core/vote/color-vote.ts';
import { extractionVotes } from '../../core/vote/extraction-votes.ts';

const WEIGHTS: ReadonlyMap<string, number> = new Map(TIER1_EXTRACTORS.map((e) => [e.id, e.weight]));

/** The tier-1 votes the plugin sends with a request: each tier-1 extractor's colours from `extractTier1`, at its weight. */
export function pluginVotes(image: RgbaImage): ColorVote[] {
  return extractTier1(image).extractions.flatMap((extraction) => extractionVotes(extraction, WEIGHTS.get(extraction.extractor) ?? 1));
}
