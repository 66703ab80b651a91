import { MAX_FILE_TOKENS, type ExportColorMessage } from '../core/messages/plugin-messages.ts';
import type { PaletteCandidate } from '../core/palette/palette-color.ts';
import { ROLES, type Role } from '../core/palette/role.ts';
import { CHORUS_STYLE_DATA } from './chorus-style-data.ts';
import { boundOwnVariable } from './list-reviews.ts';
import { readChorusVariables } from './private/chorus-variables.ts';
import { currentHex } from './private/current-hex.ts';
import { readReviewMarker } from './review-marker.ts';
import { getChorusData } from './private/chorus-plugin-data.ts';

/** The line styleDescription and resolvedDescription write for a model's name: `Name: molten-copper`. */
const NAME_LINE = /^Name: (.+)$/m;
/** exportColorSchema's bound on a name. */
const MAX_NAME = 80;
/** A second, third… colour of one role lives in slot `<role>-2`, `<role>-3` (see assignStyleSlots). */
const NUMBERED_SLOT = /^(.+)-\d+$/;

/**
 * The palette of one style folder as it is in the file now, for the token exporters: what the
 * designer kept and reviewed, not what the last run proposed. Every Chorus style with
 * `prefix` in its plugin data, in the file's order, then every Chorus variable of that folder
 * whose style is gone:
 *
 * - `hex`: the colour it shows now (a paint bound to a variable shows the variable's value, a hand
 *   edit shows as edited); the alpha of a translucent edit is not carried, the formats' colours
 *   being opaque sRGB. A style with no visible solid paint (a gradient) is no colour token: left out.
 * - `role`: from the review marker, else from the slot (`primary`, `primary-2` → primary;
 *   `color-3` → none).
 * - `name`: the model's name Chorus wrote in the description (`Name: …`), if it is still there.
 * - `conflict: true` with every candidate while the colour is still flagged for review;
 *   `conflict: false` otherwise (never flagged, or settled by the designer).
 *
 * At most MAX_FILE_TOKENS colours. Async reads only (the manifest asks for dynamic-page access).
 */
export async function exportFileTokens(figma: PluginAPI, prefix: string): Promise<ExportColorMessage[]> {
  const [styles, variables, colorVariables] = await Promise.all([
    figma.getLocalPaintStylesAsync(),
    readChorusVariables(figma),
    figma.variables.getLocalVariablesAsync('COLOR'),
  ]);
  const variableHex = (id: string): string | undefined => {
    const variable = variables.byId(id);
    return variable ? variables.displayHex(variable) : undefined;
  };
  const colors: ExportColorMessage[] = [];
  const slotsWithStyle = new Set<string>();
  for (const style of styles) {
    const slot = getChorusData(style, CHORUS_STYLE_DATA.slot);
    if (slot === '' || getChorusData(style, CHORUS_STYLE_DATA.prefix) !== prefix) continue;
    slotsWithStyle.add(slot);
    // A flag lives on the style and on its variable alike; the style's is the one Review reads.
    const variable = boundOwnVariable(style, variables);
    const color = exportColor(currentHex(style.paints, variableHex), slot, style, style.description || variable?.description || '');
    if (color) colors.push(color);
  }
  for (const variable of orphanVariables(colorVariables, prefix, slotsWithStyle)) {
    const slot = getChorusData(variable, CHORUS_STYLE_DATA.slot);
    const color = exportColor(variables.displayHex(variable), slot, variable, variable.description);
    if (color) colors.push(color);
  }
  return colors.slice(0, MAX_FILE_TOKENS);
}

/** Chorus's variables of the folder whose slot has no style any more (the designer deleted it, or wrote variables only). */
function orphanVariables(all: readonly Variable[], prefix: string, slotsWithStyle: ReadonlySet<string>): Variable[] {
  const seen = new Set<string>();
  return all.filter((variable) => {
    const slot = getChorusData(variable, CHORUS_STYLE_DATA.slot);
    if (slot === '' || getChorusData(variable, CHORUS_STYLE_DATA.prefix) !== prefix || slotsWithStyle.has(slot) || seen.has(slot)) return false;
    seen.add(slot);
    return true;
  });
}

function exportColor(shown: string, slot: string, owner: PaintStyle | Variable, description: string): ExportColorMessage | undefined {
  const hex = shown.slice(0, 7).toLowerCase();
  if (!/^#[0-9a-f]{6}$/.test(hex)) return undefined;
  const marker = readReviewMarker(owner, owner.name);
  const role = marker?.role ?? roleOfSlot(slot);
  const name = NAME_LINE.exec(description)?.[1]?.trim().slice(0, MAX_NAME);
  return {
    hex,
    ...(role ? { role } : {}),
    ...(name ? { name } : {}),
    conflict: marker !== undefined,
    ...(marker ? { candidates: marker.candidates.map(toConsensusCandidate) } : {}),
  };
}

/** `primary` and `primary-2` → primary, `text-muted` → text-muted, `color-3` → undefined. */
function roleOfSlot(slot: string): Role | undefined {
  const base = NUMBERED_SLOT.exec(slot)?.[1];
  return ROLES.find((role) => role === slot) ?? ROLES.find((role) => role === base);
}

/** A marker's candidate as the consensus shapes it: each vote names the value it was for. */
function toConsensusCandidate(candidate: PaletteCandidate): NonNullable<ExportColorMessage['candidates']>[number] {
  return {
    hex: candidate.hex,
    weight: candidate.weight,
    measured: candidate.measured,
    votes: candidate.votes.map((vote) => ({ extractor: vote.extractor, weight: vote.weight, hex: candidate.hex })),
  };
}
