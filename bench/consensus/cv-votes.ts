import { extractFlatRegions } from '../../core/cv/extract-flat-regions.ts';
import { extractTier1 } from '../../core/cv/extract-tier1.ts';
import type { RgbaImage } from '../../core/cv/rgba-image.ts';
import { TIER1_EXTRACTORS } from '../../core/cv/tier1-extractors.ts';
import type { ColorVote } from '../../core/vote/color-vote.ts';
import { extractionVotes } from '../../core/vote/extraction-votes.ts';
import type { WeightedExtractor } from './simulated-models.ts';

const TIER1_WEIGHTS: ReadonlyMap<string, number> = new Map(TIER1_EXTRACTORS.map((e) => [e.id, e.weight]));

/**
 * Every CV vote the server counts for one image: the tier-1 extractions (as the plugin sends them)
 * at core's weights, and the tier-2 full-resolution flat-region pass at its configured weight.
 */
export function cvVotes(image: RgbaImage, fullResolution: WeightedExtractor): ColorVote[] {
  const tier1 = extractTier1(image).extractions.flatMap((extraction) => {
    const weight = TIER1_WEIGHTS.get(extraction.extractor);
    if (weight === undefined) throw new Error(`tier-1 extractor "${extraction.extractor}" has no weight in TIER1_EXTRACTORS`);
    return extractionVotes(extraction, weight);
  });
  const full = extractFlatRegions(image, { pixelBudget: Infinity, id: fullResolution.id });
  return [...tier1, ...extractionVotes(full, fullResolution.weight)];
}
