import type { Source, WriteStylesOptions, WriteSummary } from '../../core/messages/plugin-messages.ts';
import type { PaletteColor } from '../../core/palette/palette-color.ts';
import { CHORUS_STYLE_DATA } from '../chorus-style-data.ts';
import { encodeDecisionRecord, readDecisionRecord } from '../decision-record.ts';
import { PluginFailure } from '../plugin-failure.ts';
import { encodeReviewMarker } from '../review-marker.ts';
import { styleDescription } from '../style-description.ts';
import { variableScopes } from '../variable-scopes.ts';
import { boundVariableId } from './bound-variable-id.ts';
import type { ChorusVariables } from './chorus-variables.ts';
import { chorusWrittenHex } from './chorus-written-hex.ts';
import { currentHex } from './current-hex.ts';
import { hexToFigmaRgb } from './hex-to-figma-rgb.ts';
import { getChorusData } from './chorus-plugin-data.ts';

export interface SlotContext {
  readonly source: Source;
  readonly options: WriteStylesOptions;
  readonly variables: ChorusVariables;
  /** Variable names used in Chorus's collection, and those this run will create. */
  readonly takenNames: Set<string>;
}

/** A slot whose style (or variable) needs writing, with everything checked beforehand. */
export interface SlotWrite {
  readonly kind: 'write';
  readonly slot: string;
  /** The style's name (its existing name, or the one to create). */
  readonly name: string;
  /** The designer resolved this slot's conflict and this run keeps their colour. */
  readonly kept: boolean;
  /** Written with a review marker. */
  readonly flagged: boolean;
  /** The colour the slot shows after the write: `#rrggbb`, and in Figma's 0–1 RGB. */
  readonly hex: string;
  readonly rgb: RGB;
  /** Review marker JSON, or "" for none (which clears one). */
  readonly marker: string;
  /** Decision record JSON to carry onto a style or variable that lacks it, or "". */
  readonly decision: string;
  /** The description to write; undefined keeps the one there (a kept decision's). */
  readonly description: string | undefined;
  /** The existing style, or undefined to create one named `name`. */
  readonly style: PaintStyle | undefined;
  /** The existing style's paint must be written (colour or variable binding differs). */
  readonly writePaint: boolean;
  /** The existing style's description or plugin data must be written too. */
  readonly styleChanges: boolean;
  /** Chorus's existing variable for the slot, kept in step with the style. */
  readonly variable: Variable | undefined;
  /** The existing variable's value must be written (its colour differs). */
  readonly writeValue: boolean;
  readonly variableChanges: boolean;
  /** A variable to create (variables asked for and none yet). */
  readonly newVariable: { readonly name: string; readonly scopes: VariableScope[] } | undefined;
}

export type SlotPlan =
  | SlotWrite
  | { readonly kind: 'unchanged'; readonly name: string; readonly kept: boolean; readonly flagged: boolean }
  | { readonly kind: 'edited'; readonly entry: WriteSummary['editedByHand'][number] };

/**
 * Decides what happens to one slot from the file as it is now, and checks the values to write,
 * so nothing can stop the write half-way for a reason known in advance.
 *
 * - The slot's colour is the vote's, flagged for review when the vote is a conflict; unless the
 *   designer resolved the slot's conflict before (a decision record): then their colour is kept
 *   (`kept`), unless this run's vote is no conflict and agrees with it.
 * - A style and its variable are one slot: if either was edited by hand since Chorus wrote it,
 *   both are left as they are (reported once) unless `overwriteEdited`; a hand edit that already
 *   shows the proposed colour is `unchanged`.
 * - A variable is written when `options.variables`, or when the style is bound to Chorus's
 *   variable for the slot already (so the two never drift apart).
 */
export function planSlot(style: PaintStyle | undefined, slot: string, color: PaletteColor, context: SlotContext): SlotPlan {
  const { options, variables } = context;
  const own = variables.forSlot(options.prefix, slot);
  const bound = style ? boundVariableId(style.paints) : undefined;
  const variable = options.variables || (own !== undefined && bound === own.id) ? own : undefined;

  const ownHex = (id: string): string | undefined => (own !== undefined && id === own.id ? variables.chorusHex(own) : undefined);
  const styleShown = style ? chorusWrittenHex(style.paints, ownHex) : undefined;
  const variableShown = variable ? variables.chorusHex(variable) : undefined;
  const styleEdited = style !== undefined && (styleShown === undefined || styleShown !== getChorusData(style, CHORUS_STYLE_DATA.hex));
  const variableEdited = variable !== undefined && (variableShown === undefined || variableShown !== getChorusData(variable, CHORUS_STYLE_DATA.hex));

  const decision = (style && readDecisionRecord(style, style.name)) ?? (variable && readDecisionRecord(variable, variable.name));
  const agrees = decision !== undefined && color.conflict !== true && color.hex === decision.hex;
  const kept = decision !== undefined && !agrees;
  const hex = kept ? decision.hex : color.hex;
  const rgb = checkedRgb(hex);
  const name = style?.name ?? `${options.prefix}/${slot}`;

  if ((styleEdited || variableEdited) && !options.overwriteEdited) {
    if ((!style || styleShown === hex) && (!variable || variableShown === hex)) return { kind: 'unchanged', name, kept, flagged: false };
    const boundHex = (id: string): string | undefined => {
      const found = variables.byId(id);
      return found ? variables.displayHex(found) : undefined;
    };
    return {
      kind: 'edited',
      entry: style
        ? { styleId: style.id, name: style.name, currentHex: currentHex(style.paints, boundHex), proposedHex: hex }
        : { styleId: variable!.id, name: `${variable!.name} (variable)`, currentHex: variables.displayHex(variable!), proposedHex: hex },
    };
  }

  const marker = !kept && color.conflict === true ? encodeReviewMarker(color, slot, context.source) : '';
  const decisionText = decision ? encodeDecisionRecord(decision.hex, decision.candidates) : '';
  const newVariable = options.variables && own === undefined ? { name: freeName(variableName(options.prefix, slot), context.takenNames), scopes: variableScopes(color.role) } : undefined;

  const bindsTo = variable?.id ?? (newVariable ? 'new' : undefined);
  const writePaint = style !== undefined && (styleShown !== hex || bound !== bindsTo);
  const styleChanges =
    style !== undefined &&
    (writePaint ||
      getChorusData(style, CHORUS_STYLE_DATA.hex) !== hex ||
      getChorusData(style, CHORUS_STYLE_DATA.review) !== marker ||
      (decisionText !== '' && getChorusData(style, CHORUS_STYLE_DATA.decision) === ''));
  const variableChanges =
    variable !== undefined &&
    (variableShown !== hex ||
      getChorusData(variable, CHORUS_STYLE_DATA.hex) !== hex ||
      getChorusData(variable, CHORUS_STYLE_DATA.review) !== marker ||
      (decisionText !== '' && getChorusData(variable, CHORUS_STYLE_DATA.decision) === ''));
  if (style && !styleChanges && !variableChanges && !newVariable) return { kind: 'unchanged', name, kept, flagged: marker !== '' };

  return {
    kind: 'write',
    slot,
    name,
    kept,
    flagged: marker !== '',
    hex,
    rgb,
    marker,
    decision: decisionText,
    description: kept ? undefined : styleDescription(color, slot, context.source),
    style,
    writePaint,
    styleChanges,
    variable,
    writeValue: variable !== undefined && variableShown !== hex,
    variableChanges,
    newVariable,
  };
}

/** Figma's 0–1 RGB for `hex`, checked before any write so a bad colour cannot stop a write half-way. */
function checkedRgb(hex: string): RGB {
  try {
    return hexToFigmaRgb(hex);
  } catch {
    throw new PluginFailure('WRITE_FAILED', `The palette holds ${JSON.stringify(hex)}, which is not a colour. Run the extraction again, then write the styles.`);
  }
}

/**
 * `<prefix>/<slot>`, like the style: several palettes (prefixes) share Chorus's one collection.
 * `.`, `{` and `}` become `-`: token tools read them as path and alias syntax in variable names.
 */
function variableName(prefix: string, slot: string): string {
  return `${prefix}/${slot}`.replace(/[.{}]/g, '-');
}

/** `name`, or `name 2`, `name 3`… if the collection has it already (Figma refuses duplicates); reserves it. */
function freeName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name} ${n}`;
  taken.add(candidate);
  return candidate;
}
