import type { Role } from '../../core/palette/role.ts';
import type { ColorVote } from '../../core/vote/color-vote.ts';
import { MAX_MODEL_COLORS } from './model-answer.ts';

/**
 * Changes whenever the prompt's wording or the answer's shape does: it is part of the cache key, so
 * an answer to an older prompt is never served for a newer one.
 * v2: one-line role definitions; asks for what a model is better at than CV (roles, names, colours
 * CV missed, measured colours that are not interface colours) instead of re-reading every value.
 */
export const PROMPT_VERSION = 'palette-roles-v2';

/** Measured colours listed to the model at most: the palette, not the long tail. */
const MAX_LISTED = 24;

/** Each role as a designer uses it, in a line: what the model must tell apart and CV often cannot. */
export const ROLE_DEFINITIONS: Readonly<Record<Role, string>> = {
  background: 'the page or app canvas behind everything, usually the largest area',
  surface: 'cards, panels, sidebars, inputs and sheets that sit on the background',
  text: 'body text and headings, the main reading colour',
  'text-muted': 'secondary text: captions, placeholders, hints, disabled labels',
  primary: 'the main brand and action colour: the primary button, links, the selected tab',
  'on-primary': 'text and icons drawn on the primary colour',
  secondary: 'a second action or brand colour: secondary buttons, toggles, chips',
  accent: 'a sparing highlight: badges, focus rings, illustrations’ key colour',
  border: 'dividers, outlines of inputs and cards, table rules',
  success: 'confirmation and positive states',
  warning: 'caution states',
  error: 'errors and destructive actions',
  info: 'neutral notices and informational badges',
};

/**
 * The instruction a vision model gets with the image(s). Computer vision has measured exact values;
 * the model is asked for what it is good at: which colour plays which role, a name for each, the
 * interface colours CV missed, and leaving out measured colours that are not interface colours.
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
  const roles = (Object.entries(ROLE_DEFINITIONS) as [Role, string][]).map(([role, definition]) => `- ${role}: ${definition}`);
  return [
    'You are a senior product designer reading a UI screenshot to extract its colour tokens.',
    listed.length > 0
      ? `Computer vision measured these exact colours in the image (its role guesses can be wrong: it sees pixels, not purpose):\n${listed.join('\n')}`
      : 'No colours were measured; read them from the image.',
    `The roles, as a designer uses them:\n${roles.join('\n')}`,
    `Answer with the interface's colours (at most ${MAX_MODEL_COLORS}), most important first. For each colour:`,
    '- hex: the exact #rrggbb value. When the colour is one of the measured ones, copy the measured value exactly; never average or adjust it.',
    '- role: the role it plays in this interface, judged from where and how it is used; or "other" when none fits. Give each role to at most one colour.',
    '- name: a short, evocative kebab-case name for the colour (for example "molten-copper", "midnight-ink").',
    'Add an interface colour the measured list missed (a thin border, a small badge, link text) with your best reading of its value.',
    'Leave out measured colours that are not interface colours: pixels of photographs and illustrations, steps of a gradient, and anti-aliased edges between two other colours.',
  ].join('\n\n');
}
