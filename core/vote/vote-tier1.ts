import { ciede2000, hexToLab, type Lab } from '../color/index.ts';
import type { Extraction } from '../cv/extracted-color.ts';
import type { PaletteColor, Vote } from '../palette/palette-color.ts';

/**
 * Two extractors' colours closer than this (CIEDE2000) are the same colour: 3 is where the
 * fixtures' scorer and most design-token tooling stop calling two colours different.
 */
export const SAME_COLOR_DE = 3;

interface Group {
  readonly lab: Lab;
  readonly hex: string;
  readonly votes: Vote[];
  readonly extractors: Set<string>;
}

/**
 * Tier-1 vote: colours from different extractors within `SAME_COLOR_DE` are one colour, valued
 * at the most trusted extractor's measurement (extractions come in order of trust).
 * `agreement` is the weight that voted for a colour over all the weight that voted;
 * `confidence = 0.5 + 0.45 × agreement` (DESIGN.md). A colour seen by a minority of the weight is
 * dropped. Roles are not decided here. Output most prominent first.
 */
export function voteTier1(extractions: readonly Extraction[], weights: ReadonlyMap<string, number>): PaletteColor[] {
  const totalWeight = extractions.reduce((sum, e) => sum + (weights.get(e.extractor) ?? 0), 0);
  if (totalWeight === 0) return [];
  const groups: Group[] = [];
  for (const extraction of extractions) {
    const weight = weights.get(extraction.extractor) ?? 0;
    for (const color of extraction.colors) {
      const lab = hexToLab(color.hex);
      if (!lab) continue;
      const vote: Vote = { extractor: extraction.extractor, hex: color.hex, weight, share: color.share };
      let best: Group | undefined;
      let bestDe = SAME_COLOR_DE;
      for (const g of groups) {
        if (g.extractors.has(extraction.extractor)) continue;
        const de = ciede2000(g.lab, lab);
        if (de < bestDe) [best, bestDe] = [g, de];
      }
      if (best) {
        best.votes.push(vote);
        best.extractors.add(extraction.extractor);
      } else groups.push({ lab, hex: color.hex, votes: [vote], extractors: new Set([extraction.extractor]) });
    }
  }
  const palette: PaletteColor[] = [];
  for (const g of groups) {
    const voted = g.votes.reduce((sum, v) => sum + v.weight, 0);
    const agreement = voted / totalWeight;
    const share = g.votes.reduce((sum, v) => sum + v.weight * (v.share ?? 0), 0) / voted;
    // A colour needs the majority of the weight: what only a minority saw is more likely an artefact of its method.
    if (agreement <= 0.5) continue;
    palette.push({ hex: g.hex, share, confidence: 0.5 + 0.45 * agreement, votes: g.votes });
  }
  return palette.sort((a, b) => b.share - a.share || (a.hex < b.hex ? -1 : 1));
}
