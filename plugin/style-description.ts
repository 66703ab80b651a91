import type { Source } from '../core/messages/plugin-messages.ts';
import type { PaletteColor } from '../core/palette/palette-color.ts';

/** Frame names listed in a description before "and N more": keeps the style panel readable. */
const MAX_SOURCE_NAMES = 5;

/**
 * The description of a style Chorus writes: its provenance, for the designer reading the style
 * panel. Which extractors voted for the colour (heaviest first), the confidence of the vote when
 * there is one, its share of the pixels, and the frames it came from. No date, so the same vote
 * always writes the same text.
 */
export function styleDescription(color: PaletteColor, slot: string, source: Source): string {
  const lines = [`${color.hex} · ${slot}, written by Chorus`];
  if (color.name !== undefined && color.name.trim() !== '') lines.push(`Name: ${color.name.trim()}`);
  lines.push(`Voted by: ${votersOf(color) || 'no extractor recorded'}`);
  if (color.confidence !== undefined) lines.push(`Confidence: ${Math.round(color.confidence * 100)}%`);
  lines.push(`Share of pixels: ${Math.round(color.share * 100)}%`);
  if (source.nodes.length > 0) lines.push(`From: ${sourceNames(source)}`);
  return lines.join('\n');
}

function votersOf(color: PaletteColor): string {
  const weights = new Map<string, number>();
  for (const vote of color.votes) weights.set(vote.extractor, (weights.get(vote.extractor) ?? 0) + vote.weight);
  return [...weights.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([extractor]) => extractor)
    .join(', ');
}

function sourceNames(source: Source): string {
  const names = source.nodes.map((node) => node.name);
  const shown = names.slice(0, MAX_SOURCE_NAMES).join(', ');
  const more = names.length - MAX_SOURCE_NAMES;
  return more > 0 ? `${shown} and ${more} more` : shown;
}
