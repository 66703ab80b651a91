import type { Learning } from '../../core/messages/plugin-messages.ts';

/** The extract request's bounds on a weight multiplier (extractRequestSchema's `weights`). */
export const MIN_LEARNED_WEIGHT = 0.25;
export const MAX_LEARNED_WEIGHT = 4;
/** Longest extractor id the request takes. */
const MAX_EXTRACTOR_ID = 64;

/**
 * How much more (or less) an extractor's votes should count, from the designer's review decisions:
 * `2 × (agreed + 1) / (decided + 2)`, clamped to 0.25–4. The +1/+2 is Laplace's rule of
 * succession: with no decisions the estimate of "agrees with the designer" is ½ and the multiplier
 * 1, and one decision moves it only part of the way (1 of 1 → ×1.33, 0 of 1 → ×0.67).
 */
export function learnedWeight({ agreed, decided }: { readonly agreed: number; readonly decided: number }): number {
  const raw = (2 * (agreed + 1)) / (decided + 2);
  return Math.min(MAX_LEARNED_WEIGHT, Math.max(MIN_LEARNED_WEIGHT, raw));
}

/**
 * The multipliers for the backend's next vote (the extract request's `weights`): one per
 * extractor the designer has decided on; extractors without evidence (×1) are left out.
 */
export function learnedWeights(learning: Learning): Record<string, number> {
  const weights: Record<string, number> = {};
  for (const [extractor, record] of Object.entries(learning)) {
    if (extractor.length === 0 || extractor.length > MAX_EXTRACTOR_ID) continue;
    const weight = learnedWeight(record);
    if (weight !== 1) weights[extractor] = weight;
  }
  return weights;
}
