import { ROLES } from '../../core/palette/role.ts';
import type { ColorVote } from '../../core/vote/color-vote.ts';
import { MAX_MODEL_COLORS } from './model-answer.ts';

/** Changes whenever the prompt's wording or the answer's shape does: it is part of the cache key. */
export const PROMPT_VERSION = 'palette-roles-v1';

/** Measured colours listed to the model at most: the palette, not the long tail. */
const MAX_LISTED = 24;

/**
 * The instruction a vision model gets with the image(s): CV has measured the exact values; the
 * model's job is to name each colour's role and give it a semantic name, echoing measured values.
 */
export function buildPrompt(measured: readonly ColorVote[]): string {
  const byHex = new Map<string, { share: number; role?: string }>();
  for (const v of measured) {
    const seen = byHex.get(v.hex);
    if (!seen || (v.share ?? 0) > seen.share) byHex.set(v.hex, { share: v.share ?? 0, ...(v.role ? { role: v.role } : {}) });
  }
  const listed = [...byHex]
    .sort((a, b) => b[1].share - a[1].share || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_LISTED)
    .map(([hex, { share, role }]) => `- ${hex} covers ${(share * 100).toFixed(2)}% of the image${role ? ` (computer vision guessed: ${role})` : ''}`);
  return [
    'You are a senior product designer reading a UI screenshot to extract its colour tokens.',
    listed.length > 0
      ? `Computer vision measured these exact colours in the image:\n${listed.join('\n')}`
      : 'No colours were measured; read them from the image.',
    `Answer with the palette's colours (at most ${MAX_MODEL_COLORS}), most important first. For each colour:`,
    '- hex: the exact #rrggbb value. When the colour is one of the measured ones, copy the measured value exactly; never average or adjust it.',
    `- role: one of ${ROLES.join(', ')}; or "other" when none fits. Give each role to at most one colour.`,
    '- name: a short, evocative kebab-case name for the colour (for example "molten-copper", "midnight-ink").',
    'Ignore colours inside photographs and illustrations unless the interface uses them too.',
  ].join('\n\n');
}
