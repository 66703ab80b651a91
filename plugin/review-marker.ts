// zod/mini keeps the sandbox bundle small (see core/messages/plugin-messages.ts).
import * as z from 'zod/mini';
import { sourceSchema, type Source } from '../core/messages/plugin-messages.ts';
import { candidateSchema, type PaletteColor } from '../core/palette/palette-color.ts';
import { roleSchema } from '../core/palette/role.ts';
import { CHORUS_STYLE_DATA } from './chorus-style-data.ts';
import { conflictCandidates, MAX_CANDIDATES } from './private/conflict-candidates.ts';
import { readPluginDataJson } from './private/read-plugin-data-json.ts';
import { utf8Length } from './private/utf8-length.ts';

/**
 * Figma refuses a plugin-data entry (plugin id + key + value) over 100 kB (setPluginData docs).
 * The marker stays well under that, leaving room for a long plugin id and for UTF-8 growth.
 */
export const MAX_MARKER_BYTES = 64 * 1024;

/**
 * The review marker Chorus keeps in a flagged style's (and its variable's) plugin data: what the
 * Review panel lists, read back from the file, so it survives closing the plugin. `hex` is the
 * consensus value written for now; `candidates` come most weight first.
 */
export const reviewMarkerSchema = z.object({
  v: z.literal(1),
  slot: z.string().check(z.minLength(1), z.maxLength(64)),
  role: z.optional(roleSchema),
  hex: candidateSchema.shape.hex,
  agreement: z.optional(z.number().check(z.gte(0), z.lte(1))),
  candidates: z.array(candidateSchema).check(z.minLength(1), z.maxLength(MAX_CANDIDATES)),
  source: sourceSchema,
});
export type ReviewMarker = z.infer<typeof reviewMarkerSchema>;

/**
 * The marker of a conflicted palette colour, as the JSON to store. Every candidate and every
 * frame is kept when it fits in MAX_MARKER_BYTES; otherwise, in this order until it fits: frame
 * names are dropped (ids still select them), then each candidate keeps only its heaviest votes.
 */
export function encodeReviewMarker(color: PaletteColor, slot: string, source: Source): string {
  const marker: ReviewMarker = {
    v: 1,
    slot,
    ...(color.role !== undefined ? { role: color.role } : {}),
    hex: color.hex,
    ...(color.agreement !== undefined ? { agreement: color.agreement } : {}),
    candidates: conflictCandidates(color),
    source,
  };
  let text = JSON.stringify(marker);
  if (utf8Length(text) <= MAX_MARKER_BYTES) return text;
  const unnamed = { ...marker, source: { nodes: marker.source.nodes.map((node) => ({ id: node.id, name: '' })) } };
  text = JSON.stringify(unnamed);
  for (let votes = 32; utf8Length(text) > MAX_MARKER_BYTES && votes >= 1; votes = Math.floor(votes / 2)) {
    text = JSON.stringify({ ...unnamed, candidates: unnamed.candidates.map((c) => ({ ...c, votes: heaviest(c.votes, votes) })) });
  }
  return text;
}

/**
 * The marker stored on `owner` (a style or variable), or undefined when there is none. A marker
 * that does not parse (another version, a damaged file) is reported on the console and treated
 * as none: the colour stays as it is, it just is not offered for review.
 */
export function readReviewMarker(owner: PluginDataMixin, ownerName: string): ReviewMarker | undefined {
  return readPluginDataJson(
    owner,
    CHORUS_STYLE_DATA.review,
    reviewMarkerSchema,
    `Chorus ignored the review marker of "${ownerName}": it is not one Chorus can read, so that colour is not offered for review.`,
  );
}

function heaviest<T extends { weight: number }>(votes: readonly T[], count: number): T[] {
  return votes
    .map((vote, index) => ({ vote, index }))
    .sort((a, b) => b.vote.weight - a.vote.weight || a.index - b.index)
    .slice(0, count)
    .map(({ vote }) => vote);
}
