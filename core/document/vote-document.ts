import { contrastRatio, parseHex } from '../color/index.ts';
import type { ObservedPair } from '../contrast/screen-pairs.ts';
import type { ExtractedColor, Extraction } from '../cv/extracted-color.ts';
import type { Role } from '../palette/role.ts';
import type { DocumentRead, LayerPaint } from './layer-paint.ts';
import { roleHint } from './role-hint.ts';

/** The document voter's id: its evidence (what the designer authored) is its own kind, independent of the pixels. */
export const DOCUMENT_ID = 'document';
/** Its weight beside tier 1's CV (flat regions 1, OKLab clusters 0.8): exact values, but it cannot see images. */
export const DOCUMENT_WEIGHT = 1;

/** A filled layer holding a text label and covering less than this of its frame is a control (button, chip, tag). */
const CONTROL_MAX_SHARE = 0.05;
/** A fill behind children covering at least this of its frame is a surface (card, panel, sheet), not a control. */
const SURFACE_MIN_SHARE = 0.02;
/**
 * Glyphs ink about a fifth of their text box (Latin text at ordinary line heights): a text colour
 * weighs by that, not by its box, so a paragraph does not outweigh the card it sits on.
 */
const TEXT_INK = 0.2;
/** A name the designer gave the colour (a bound variable or style) counts this many times its area. */
const NAME_HINT_FACTOR = 3;
/** Paints at least this opaque render as themselves; under it they are a blend with what is behind. */
const OPAQUE = 0.995;
/** WCAG 2.2's large text: 24 px, or 18.66 px bold (700+). */
const LARGE_PX = 24;
const LARGE_BOLD_PX = 18.66;

export interface DocumentVote {
  /** The layers' colours as one more tier-1 extraction: exact values, shares by area, roles from structure. */
  readonly extraction: Extraction;
  /** Text over the fill behind it, for the contrast checks. */
  readonly pairs: readonly ObservedPair[];
  /** Why the layers and the pixels may disagree: translucent paints render as blends. */
  readonly notes: readonly string[];
}

/**
 * The document as a voter: every solid paint of the selection's layers votes its rendered value
 * exactly, weighted by the area it covers, with the role its place in the layers implies: a text
 * range's fill is text (on-primary inside a control); the selected frame's own fill is the
 * background; a larger fill behind children is a surface; a small filled layer holding a label is
 * a control, its fill primary; a stroke is a border. A bound variable's or style's name that
 * states a role (`brand/primary`) outweighs the structure. Among text colours the most used is
 * `text`, a second one with less contrast on its backdrop `text-muted`. Pure: reads only `read`.
 */
export function voteDocument(read: DocumentRead): DocumentVote {
  const total = read.rootAreas.reduce((a, b) => a + b, 0);
  const scores = new Map<string, { area: number; roles: Map<Role, number>; named?: string }>();
  const add = (hex: string, area: number, role: Role | undefined, weight: number, named?: string): void => {
    const entry = scores.get(hex) ?? { area: 0, roles: new Map<Role, number>() };
    entry.area += area;
    if (role) entry.roles.set(role, (entry.roles.get(role) ?? 0) + weight);
    if (named && !entry.named) entry.named = named;
    scores.set(hex, entry);
  };

  const pairs: ObservedPair[] = [];
  const notes = new Set<string>();
  for (const p of read.paints) {
    const rootArea = read.rootAreas[p.root] ?? total;
    const share = rootArea > 0 ? p.area / rootArea : 0;
    const area = p.kind === 'text' ? p.area * TEXT_INK : p.area;
    const structural = structuralRole(p, share);
    const hinted = p.boundName ? roleHint(p.boundName) : undefined;
    if (hinted) add(p.hex, area, hinted, Math.max(area, 1) * NAME_HINT_FACTOR, p.boundName);
    add(p.hex, hinted ? 0 : area, structural, Math.max(area, 1));
    if (p.kind === 'text' && p.backdropHex) pairs.push({ textHex: p.hex, backgroundHex: p.backdropHex, large: isLarge(p) });
    if (p.labelHex && structural === 'primary') add(p.labelHex, 0, 'on-primary', Math.max(p.area, 1));
    if (p.alpha < OPAQUE && p.hex !== p.authoredHex) {
      notes.add(`${p.authoredHex} at ${Math.round(p.alpha * 100)} % renders as ${p.hex} over what is behind it: the layers vote ${p.hex}, what the pixels show.`);
    }
  }

  const shareOf = (area: number): number => (total > 0 ? Math.min(1, area / total) : 0);
  const colors: ExtractedColor[] = [...scores.entries()].map(([hex, s]) => {
    const role = topRole(s.roles);
    return { hex, share: shareOf(s.area), ...(role ? { role } : {}) };
  });
  // One colour can play two roles (white as the background and as the buttons' label): each role
  // goes to the colour with the most evidence for it, as a second entry where that is not its main role.
  const roles = new Set([...scores.values()].flatMap((s) => [...s.roles.keys()]));
  for (const role of roles) {
    const best = [...scores.entries()]
      .filter(([, s]) => s.roles.has(role))
      .sort((a, b) => b[1].roles.get(role)! - a[1].roles.get(role)! || (a[0] < b[0] ? -1 : 1))[0]!;
    if (colors.some((c) => c.role === role)) continue;
    colors.push({ hex: best[0], share: shareOf(best[1].area), role });
  }
  mutedText(colors, pairs);
  colors.sort((a, b) => b.share - a.share || (a.hex < b.hex ? -1 : 1));
  return { extraction: { extractor: DOCUMENT_ID, colors }, pairs, notes: [...notes] };
}

function topRole(roles: ReadonlyMap<Role, number>): Role | undefined {
  return [...roles.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
}

function structuralRole(p: LayerPaint, share: number): Role | undefined {
  switch (p.kind) {
    case 'text':
      return 'text';
    case 'stroke':
      return 'border';
    case 'frame-fill':
    case 'shape-fill':
      if (p.depth === 0) return 'background';
      if (p.labelHex && share < CONTROL_MAX_SHARE) return 'primary';
      if (p.behindChildren && share >= SURFACE_MIN_SHARE) return 'surface';
      return undefined;
  }
}

/** A second text colour with less contrast on what it is drawn on than the main one is the muted text. */
function mutedText(colors: ExtractedColor[], pairs: readonly ObservedPair[]): void {
  const texts = colors.filter((c) => c.role === 'text').sort((a, b) => b.share - a.share);
  if (texts.length < 2) return;
  const contrastOf = (hex: string): number => {
    const on = pairs.filter((p) => p.textHex === hex).map((p) => contrastRatio(parseHex(p.textHex)!, parseHex(p.backgroundHex)!));
    return on.length > 0 ? Math.min(...on) : 21;
  };
  const main = contrastOf(texts[0]!.hex);
  const second = texts[1]!;
  if (contrastOf(second.hex) < main) {
    const index = colors.indexOf(second);
    colors[index] = { ...second, role: 'text-muted' };
  }
}

function isLarge(p: LayerPaint): boolean {
  const size = p.fontSize ?? 0;
  return size >= LARGE_PX || (size >= LARGE_BOLD_PX && (p.fontWeight ?? 400) >= 700);
}
