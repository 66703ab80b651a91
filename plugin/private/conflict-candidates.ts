import type { PaletteCandidate, PaletteColor } from '../../core/palette/palette-color.ts';

/** Candidates the contract carries for one colour (reviewSchema). */
export const MAX_CANDIDATES = 16;

/**
 * A conflict's candidates, most weight first: the vote's own list when it gave one; else one per
 * distinct hex among the votes, the written `hex` first, so a conflict always offers a choice.
 */
export function conflictCandidates(color: PaletteColor): PaletteCandidate[] {
  if (color.candidates !== undefined && color.candidates.length > 0) return color.candidates.slice(0, MAX_CANDIDATES);
  const byHex = new Map<string, PaletteCandidate>([[color.hex, { hex: color.hex, weight: 0, measured: false, votes: [] }]]);
  for (const vote of color.votes) {
    const candidate = byHex.get(vote.hex) ?? { hex: vote.hex, weight: 0, measured: false, votes: [] };
    candidate.weight += vote.weight;
    candidate.votes.push({ extractor: vote.extractor, weight: vote.weight });
    byHex.set(vote.hex, candidate);
  }
  const [written, ...others] = [...byHex.values()];
  return [written!, ...others.sort((a, b) => b.weight - a.weight)].slice(0, MAX_CANDIDATES);
}

/** The extractors behind a candidate, each once, heaviest total weight first (ties by name). */
export function candidateExtractors(candidate: Pick<PaletteCandidate, 'votes'>): string[] {
  const weights = new Map<string, number>();
  for (const vote of candidate.votes) weights.set(vote.extractor, (weights.get(vote.extractor) ?? 0) + vote.weight);
  return [...weights.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([extractor]) => extractor);
}
