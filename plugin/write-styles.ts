import type { Source, WriteStylesOptions, WriteSummary } from '../core/messages/plugin-messages.ts';
import type { PaletteColor } from '../core/palette/palette-color.ts';
import { assignStyleSlots } from './assign-style-slots.ts';
import { CHORUS_COLLECTION_KEY, CHORUS_STYLE_DATA } from './chorus-style-data.ts';
import { PluginFailure } from './plugin-failure.ts';
import { readChorusData, writeChorusData } from './private/chorus-data.ts';
import { readChorusVariables } from './private/chorus-variables.ts';
import { planSlot, type SlotWrite } from './private/plan-slot.ts';
import { reasonOf } from './private/reason-of.ts';
import { UndoLog } from './private/undo-log.ts';
import { writeNotification } from './write-notification.ts';
import { getChorusData, setChorusData } from './private/chorus-plugin-data.ts';

/** The name of the variable collection Chorus makes; found again by plugin data, so the designer may rename it. */
export const CHORUS_COLLECTION_NAME = 'Chorus';

export interface WriteStylesInput {
  readonly palette: readonly PaletteColor[];
  readonly source: Source;
  readonly options: WriteStylesOptions;
  /** Slots the plan reuses a design-system token for (write-plan.ts): not written as Chorus styles. */
  readonly skipSlots?: ReadonlySet<string>;
}

/**
 * Writes a palette into the file as local paint styles named `<prefix>/<slot>` (see
 * assignStyleSlots), each one SOLID paint in Figma's 0–1 RGB, with its provenance in the
 * description and in plugin data (CHORUS_STYLE_DATA). With `options.variables`, also as COLOR
 * variables `<prefix>/<slot>` in Chorus's collection (value in the default mode, scopes by role),
 * each style bound to its variable.
 *
 * A colour the vote could not decide (`conflict`) is written with the consensus value and a review
 * marker: a description saying what to review and plugin data holding every candidate (listed in
 * `flagged`). A slot whose conflict the designer resolved keeps their colour (`keptDecisions`).
 * See planSlot for every rule.
 *
 * A style or variable Chorus wrote before is found by plugin data, never by name: it is updated in
 * place and keeps the designer's name for it. One edited by hand is reported in `editedByHand` and
 * left alone unless `options.overwriteEdited`. The summary lists style names.
 *
 * Everything is planned and checked before the first write; the caller makes the writes one undo
 * step (handle-ui-message.ts commits before and after each request). If Figma still throws mid-way, what this call changed (styles,
 * variables, the collection) is rolled back and it throws a PluginFailure WRITE_FAILED, so the
 * file never holds half a palette. Only async reads (the manifest asks for dynamic-page access).
 */
export async function writeStyles(figma: PluginAPI, input: WriteStylesInput): Promise<WriteSummary> {
  const { palette, source, options } = input;
  const [styles, variables] = await Promise.all([figma.getLocalPaintStylesAsync(), readChorusVariables(figma)]);
  const existing = chorusStylesBySlot(styles, options.prefix);
  const context = { source, options, variables, takenNames: variables.collection ? variables.namesIn(variables.collection) : new Set<string>() };
  const plan = assignStyleSlots(palette)
    .filter(({ slot }) => !input.skipSlots?.has(slot))
    .map(({ slot, color }) => planSlot(existing.get(slot), slot, color, context));

  const summary: WriteSummary = { created: [], updated: [], unchanged: [], keptDecisions: [], flagged: [], editedByHand: [] };
  const undo = new UndoLog();
  try {
    let collection = variables.collection;
    for (const step of plan) {
      if (step.kind === 'edited') {
        summary.editedByHand.push(step.entry);
        continue;
      }
      if (step.kind === 'unchanged') {
        (step.kept ? summary.keptDecisions : summary.unchanged).push(step.name);
        if (step.flagged) summary.flagged.push(step.name);
        continue;
      }
      let variable = step.variable;
      if (step.newVariable) {
        collection ??= createCollection(figma, undo);
        variable = createVariable(figma, collection, step, step.newVariable, options.prefix, undo);
      } else if (variable && step.variableChanges) {
        updateVariable(variable, step, variables.defaultModeOf(variable), undo);
      }
      const name = writeStyle(figma, step, variable, options.prefix, undo);
      (step.kept ? summary.keptDecisions : step.style ? summary.updated : summary.created).push(name);
      if (step.flagged) summary.flagged.push(name);
    }
  } catch (error) {
    const undone = undo.rollBack();
    throw new PluginFailure(
      'WRITE_FAILED',
      undone
        ? `Figma refused to write the styles (${reasonOf(error)}), so Chorus changed nothing. Try again; if it keeps failing, reload the file.`
        : `Figma refused to write the styles (${reasonOf(error)}) and Chorus could not undo all of its changes. Press Undo (Ctrl+Z / ⌘Z) once to remove them, then reload the file.`,
    );
  }

  figma.notify(writeNotification(summary));
  return summary;
}

/** Chorus's styles for this prefix, by slot; if the designer duplicated one, the first in the file wins. */
function chorusStylesBySlot(styles: readonly PaintStyle[], prefix: string): Map<string, PaintStyle> {
  const bySlot = new Map<string, PaintStyle>();
  for (const style of styles) {
    if (getChorusData(style, CHORUS_STYLE_DATA.prefix) !== prefix) continue;
    const slot = getChorusData(style, CHORUS_STYLE_DATA.slot);
    if (slot !== '' && !bySlot.has(slot)) bySlot.set(slot, style);
  }
  return bySlot;
}

function createCollection(figma: PluginAPI, undo: UndoLog): VariableCollection {
  const collection = figma.variables.createVariableCollection(CHORUS_COLLECTION_NAME);
  undo.push(() => collection.remove());
  setChorusData(collection, CHORUS_COLLECTION_KEY, '1');
  return collection;
}

function createVariable(
  figma: PluginAPI,
  collection: VariableCollection,
  step: SlotWrite,
  init: NonNullable<SlotWrite['newVariable']>,
  prefix: string,
  undo: UndoLog,
): Variable {
  const variable = figma.variables.createVariable(init.name, collection, 'COLOR');
  undo.push(() => variable.remove());
  variable.scopes = init.scopes;
  variable.setValueForMode(collection.defaultModeId, { ...step.rgb, a: 1 });
  variable.description = step.description ?? step.style?.description ?? '';
  setChorusData(variable, CHORUS_STYLE_DATA.prefix, prefix);
  setChorusData(variable, CHORUS_STYLE_DATA.slot, step.slot);
  writeSlotData(variable, step);
  return variable;
}

function updateVariable(variable: Variable, step: SlotWrite, modeId: string | undefined, undo: UndoLog): void {
  if (modeId === undefined) throw new Error(`the collection of the variable "${variable.name}" is missing`);
  const value = variable.valuesByMode[modeId];
  const description = variable.description;
  const data = readChorusData(variable);
  undo.push(() => {
    if (value !== undefined) variable.setValueForMode(modeId, value);
    variable.description = description;
    writeChorusData(variable, data);
  });
  if (step.writeValue) variable.setValueForMode(modeId, { ...step.rgb, a: 1 });
  if (step.description !== undefined) variable.description = step.description;
  writeSlotData(variable, step);
}

/** Creates or updates the slot's style; returns its name. */
function writeStyle(figma: PluginAPI, step: SlotWrite, variable: Variable | undefined, prefix: string, undo: UndoLog): string {
  const plain: SolidPaint = { type: 'SOLID', color: step.rgb };
  if (!step.style) {
    const paint = variable ? figma.variables.setBoundVariableForPaint(plain, 'color', variable) : plain;
    const style = figma.createPaintStyle();
    undo.push(() => style.remove());
    style.name = step.name;
    style.paints = [paint];
    style.description = step.description ?? variable?.description ?? '';
    setChorusData(style, CHORUS_STYLE_DATA.prefix, prefix);
    setChorusData(style, CHORUS_STYLE_DATA.slot, step.slot);
    writeSlotData(style, step);
    return style.name;
  }
  const style = step.style;
  if (!step.styleChanges) return style.name;
  const paints = style.paints;
  const description = style.description;
  const data = readChorusData(style);
  undo.push(() => {
    style.paints = paints;
    style.description = description;
    writeChorusData(style, data);
  });
  if (step.writePaint) style.paints = [variable ? figma.variables.setBoundVariableForPaint(plain, 'color', variable) : plain];
  if (step.description !== undefined) style.description = step.description;
  writeSlotData(style, step);
  return style.name;
}

/** The slot's colour and review marker; its decision only where missing (a decision is the designer's, never rewritten). */
function writeSlotData(owner: PluginDataMixin, step: SlotWrite): void {
  writeChorusData(owner, {
    hex: step.hex,
    review: step.marker,
    ...(step.decision !== '' && getChorusData(owner, CHORUS_STYLE_DATA.decision) === '' ? { decision: step.decision } : {}),
  });
}
