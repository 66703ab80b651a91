import type { PaletteCandidate } from '../../core/palette/palette-color.ts';

/**
 * Who voted for a candidate and with what weight, heaviest first (ties by id):
 * `openai 1.2 · anthropic 1.1 · local-vision 0.7`. Weights keep one decimal, two when the second
 * matters (a learned multiplier gives 0.93), so equal-looking weights are equal.
 */
export function formatVoters(votes: PaletteCandidate['votes']): string {
  return [...votes]
    .sort((a, b) => b.weight - a.weight || (a.extractor < b.extractor ? -1 : a.extractor > b.extractor ? 1 : 0))
    .map((vote) => `${vote.extractor} ${formatWeight(vote.weight)}`)
    .join(' · ');
}

function formatWeight(weight: number): string {
  const hundredths = Math.round(weight * 100);
  return (hundredths / 100).toFixed(hundredths % 10 === 0 ? 1 : 2);
}
