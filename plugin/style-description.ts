import type { Source } from '../core/messages/plugin-messages.ts';
import type { PaletteCandidate, PaletteColor } from '../core/palette/palette-color.ts';
import { candidateExtractors, conflictCandidates } from './private/conflict-candidates.ts';

/** Frame names listed in a description before "and N more": keeps the style panel readable. */
const MAX_SOURCE_NAMES = 5;
/** Candidates named in a conflict's review line before "or N more", for the same reason. */
const MAX_NAMED_CANDIDATES = 4;

/** What a resolved style says in place of its confidence. */
export const CHOSEN_IN_REVIEW = 'Chosen by the designer in review';

/**
 * The description of a style (or variable) Chorus writes: its provenance, for the designer
 * reading the style panel. Which extractors voted for the colour (heaviest first), the confidence
 * of the vote when there is one, its share of the pixels, and the frames it came from. A conflict
 * says first what to review: "Review in Chorus: the extractors disagree — #a (openai, claude) or
 * #b (flat-regions)…". No date, so the same vote always writes the same text.
 */
export function styleDescription(color: PaletteColor, slot: string, source: Source): string {
  const lines = [`${color.hex} · ${slot}, written by Chorus`];
  if (color.conflict === true) lines.push(reviewLine(color));
  if (color.name !== undefined && color.name.trim() !== '') lines.push(`Name: ${color.name.trim()}`);
  lines.push(`Voted by: ${votersOf(color) || 'no extractor recorded'}`);
  if (color.confidence !== undefined) lines.push(`Confidence: ${Math.round(color.confidence * 100)}%`);
  lines.push(`Share of pixels: ${Math.round(color.share * 100)}%`);
  if (source.nodes.length > 0) lines.push(`From: ${sourceNames(source)}`);
  return lines.join('\n');
}

/**
 * The description once the designer resolved a conflict: the chosen colour, who had voted for it
 * (if it was a candidate), CHOSEN_IN_REVIEW where the confidence was, and the source frames.
 */
export function resolvedDescription(hex: string, slot: string, chosen: PaletteCandidate | undefined, source: Source): string {
  const lines = [`${hex} · ${slot}, written by Chorus`];
  if (chosen?.name !== undefined && chosen.name.trim() !== '') lines.push(`Name: ${chosen.name.trim()}`);
  lines.push(`Voted by: ${chosen ? candidateExtractors(chosen).join(', ') || 'no extractor recorded' : 'no extractor (the designer’s own colour)'}`);
  lines.push(CHOSEN_IN_REVIEW);
  if (source.nodes.length > 0) lines.push(`From: ${sourceNames(source)}`);
  return lines.join('\n');
}

function reviewLine(color: PaletteColor): string {
  const candidates = conflictCandidates(color);
  const named = candidates.slice(0, MAX_NAMED_CANDIDATES).map((c) => {
    const extractors = candidateExtractors(c);
    return extractors.length > 0 ? `${c.hex} (${extractors.join(', ')})` : c.hex;
  });
  const more = candidates.length - named.length;
  const choices = more > 0 ? `${named.join(', ')} or ${more} more` : joinOr(named);
  return `Review in Chorus: the extractors disagree — ${choices}. ${color.hex} is used until you pick one in Chorus’s Review panel.`;
}

function joinOr(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)!}`;
}

function votersOf(color: PaletteColor): string {
  return candidateExtractors({ votes: color.votes }).join(', ');
}

function sourceNames(source: Source): string {
  const names = source.nodes.map((node) => (node.name !== '' ? node.name : node.id));
  const shown = names.slice(0, MAX_SOURCE_NAMES).join(', ');
  const more = names.length - MAX_SOURCE_NAMES;
  return more > 0 ? `${shown} and ${more} more` : shown;
}
