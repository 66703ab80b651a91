import { loadExtractorsFile } from '../../server/config/load-extractors-file.ts';

/** The models simulated: the shipped tier-2 and tier-3 vision extractors (tier 4 runs only on request). */
export const SIMULATED_MODEL_IDS = ['local-vision', 'openai', 'anthropic'] as const;
/** The server's tier-2 full-resolution CV pass. */
export const FULL_RESOLUTION_ID = 'flat-regions-full';

export interface WeightedExtractor {
  readonly id: string;
  readonly weight: number;
}

/**
 * The shipped weights from server/config/extractors.json, so the bench votes as the server does
 * and follows a change of weight. Throws naming the id if the config no longer has it.
 */
export function shippedWeights(): { readonly fullResolution: WeightedExtractor; readonly models: readonly WeightedExtractor[] } {
  const { extractors } = loadExtractorsFile();
  const weightOf = (id: string): number => {
    const entry = extractors.find((e) => e.id === id);
    if (!entry || !('weight' in entry)) throw new Error(`server/config/extractors.json has no weighted extractor "${id}"; the consensus bench simulates it`);
    return entry.weight;
  };
  return {
    fullResolution: { id: FULL_RESOLUTION_ID, weight: weightOf(FULL_RESOLUTION_ID) },
    models: SIMULATED_MODEL_IDS.map((id) => ({ id, weight: weightOf(id) })),
  };
}
