import { estimateCallCost, type ModelPricing } from '../budget/estimate-call-cost.ts';
import type { ImageLimits } from '../config/extractor-config.ts';
import type { Extractor, ExtractorKind, RunImage } from '../orchestrator/extractor.ts';
import type { Tier } from '../../core/protocol/run-event.ts';
import type { ColorVote } from '../../core/vote/color-vote.ts';
import { PROMPT_VERSION } from './build-prompt.ts';
import { isSimpleScreen } from './is-simple-screen.ts';
import { prepareModelImage, sentSize, type ModelImage } from './prepare-model-image.ts';

/** Tokens of text the prompt (and the answer schema) costs, for the estimate: up to ~3 600 characters at ~4 characters a token, +30 % for the newer tokenizers (Claude 4.7 and later) and hex strings, with room. */
export const PROMPT_TOKENS_ESTIMATE = 1400;

/** What every vision-model extractor is configured with, whichever API it speaks. */
export interface VisionExtractorOptions {
  readonly id: string;
  readonly tier: Tier;
  readonly weight: number;
  readonly timeoutMs: number;
  readonly required?: boolean;
  readonly model: string;
  readonly maxOutputTokens: number;
  readonly image: ImageLimits;
  readonly pricing: ModelPricing;
  /** Why it cannot run in this deployment (no key or URL), when it cannot. */
  readonly unavailable?: Extractor['unavailable'];
}

/**
 * The parts of a vision-model extractor that do not depend on its API: identity, limits, cache key
 * parts, and the worst-case estimate (every image at the size this model is sent, by the vendor's
 * image-token rule, plus the prompt and the output cap).
 */
export function visionExtractorBase(options: VisionExtractorOptions, kind: Extract<ExtractorKind, 'local-model' | 'hosted-model'>): Omit<Extractor, 'run'> {
  const { pricing } = options;
  return {
    id: options.id,
    tier: options.tier,
    kind,
    weight: options.weight,
    required: options.required ?? false,
    timeoutMs: options.timeoutMs,
    model: options.model,
    promptVersion: PROMPT_VERSION,
    ...(options.unavailable ? { unavailable: options.unavailable } : {}),
    estimateCost: (images) =>
      images.reduce((sum, image) => sum + estimateCallCost(pricing, sentSize(image, pricing.imageTokens, options.image), 0, 0), 0) +
      estimateCallCost(pricing, undefined, PROMPT_TOKENS_ESTIMATE, options.maxOutputTokens),
  };
}

/** The run's images as this model is sent them: each fitted to its limits, smaller for a simple screen. */
export function modelImages(options: VisionExtractorOptions, images: readonly RunImage[], measured: readonly ColorVote[]): Promise<ModelImage[]> {
  const simple = isSimpleScreen(measured);
  return Promise.all(images.map((image) => prepareModelImage(image, options.pricing.imageTokens, options.image, simple)));
}
