import { extractFlatRegions } from '../../core/cv/extract-flat-regions.ts';
import { runOnImages } from '../../core/cv/extract-tier1.ts';
import type { Tier1Extractor } from '../../core/cv/tier1-extractor.ts';
import type { Tier } from '../../core/protocol/run-event.ts';
import { extractionVotes } from '../../core/vote/extraction-votes.ts';
import type { Extractor } from '../orchestrator/extractor.ts';
import { CV_VERSION } from '../../core/cv/cv-version.ts';

/** A tier-1 CV extractor run by the server, for API and CLI clients that send no votes of their own. */
export function createTier1CvExtractor(extractor: Tier1Extractor, timeoutMs: number, required: boolean): Extractor {
  return {
    id: extractor.id,
    tier: 1,
    kind: 'cv',
    weight: extractor.weight,
    required,
    timeoutMs,
    promptVersion: CV_VERSION,
    estimateCost: () => 0,
    run: async ({ images }) => ({ votes: extractionVotes(runOnImages(extractor, images.map((i) => i.rgba)), extractor.weight), cost: 0 }),
  };
}

/**
 * The flat-region extractor over every pixel (tier 1 in the plugin reads a budget of rows): slower,
 * and it sees thin rules and small text the budget can miss. Its roles come from the same inference.
 */
export function createFullResolutionCvExtractor(id: string, tier: Tier, weight: number, timeoutMs: number, required: boolean): Extractor {
  const extractor: Tier1Extractor = { id, weight, extract: (image) => extractFlatRegions(image, { pixelBudget: Infinity, id }) };
  return {
    id,
    tier,
    kind: 'cv',
    weight,
    required,
    timeoutMs,
    promptVersion: CV_VERSION,
    estimateCost: () => 0,
    run: async ({ images }) => ({ votes: extractionVotes(runOnImages(extractor, images.map((i) => i.rgba)), weight), cost: 0 }),
  };
}
