import type { Extraction } from '../../core/cv/extracted-color.ts';
import { TIER1_EXTRACTORS } from '../../core/cv/tier1-extractors.ts';
import { DOCUMENT_ID, DOCUMENT_WEIGHT } from '../../core/document/vote-document.ts';
import type { ColorVote } from '../../core/vote/color-vote.ts';
import { extractionVotes } from '../../core/vote/extraction-votes.ts';

/** Votes one extract request may carry (extractRequestSchema's `votes.max`). */
export const MAX_REQUEST_VOTES = 1024;

/**
 * The plugin's tier-1 extractions as the votes the backend counts as tier 1, each extractor at its
 * tier-1 weight (the server applies its own weights anyway). Extractions by an extractor the
 * plugin does not know are left out. When there are more colours than a request may carry, each
 * extractor keeps its most prominent ones (extractions list colours most prominent first).
 */
export function tier1Votes(extractions: readonly Extraction[]): ColorVote[] {
  // The document's layers vote in tier 1 too, as their own kind of evidence.
  const weights = new Map([...TIER1_EXTRACTORS.map((e): [string, number] => [e.id, e.weight]), [DOCUMENT_ID, DOCUMENT_WEIGHT]]);
  const known = extractions.filter((e) => weights.has(e.extractor));
  const perExtractor = Math.floor(MAX_REQUEST_VOTES / Math.max(1, known.length));
  return known.flatMap((e) => extractionVotes({ ...e, colors: e.colors.slice(0, perExtractor) }, weights.get(e.extractor)!));
}
