import { extractFlatRegions, FLAT_REGIONS_ID } from './extract-flat-regions.ts';
import { extractOklabClusters, OKLAB_CLUSTERS_ID } from './extract-oklab-clusters.ts';
import type { Tier1Extractor } from './tier1-extractor.ts';

/**
 * The tier-1 extractors, in order of trust. The flat-region counter reports exact pixel values
 * of fills and ink and rejects blends, so its values win ties; the OKLab quantiser is a second,
 * independent opinion.
 */
export const TIER1_EXTRACTORS: readonly Tier1Extractor[] = [
  { id: FLAT_REGIONS_ID, weight: 1, extract: (image, options) => extractFlatRegions(image, options) },
  { id: OKLAB_CLUSTERS_ID, weight: 0.8, extract: extractOklabClusters },
];
