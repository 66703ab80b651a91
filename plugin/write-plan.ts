import type { PlanChoice } from '../core/messages/design-system-messages.ts';
import type { WriteSummary } from '../core/messages/plugin-messages.ts';
import { assignStyleSlots } from './assign-style-slots.ts';
import { CHORUS_COLLECTION_KEY, CHORUS_STYLE_DATA } from './chorus-style-data.ts';
import { PluginFailure } from './plugin-failure.ts';
import { readChorusVariables } from './private/chorus-variables.ts';
import { reasonOf } from './private/reason-of.ts';
import { UndoLog } from './private/undo-log.ts';
import { variableScopes } from './variable-scopes.ts';
import { CHORUS_COLLECTION_NAME, writeStyles, type WriteStylesInput } from './write-styles.ts';
import { setChorusData } from './private/chorus-plugin-data.ts';

export interface WritePlanInput extends WriteStylesInput {
  readonly choices: readonly PlanChoice[];
}

export interface WritePlanResult {
  readonly summary: WriteSummary;
  /** Slots that reuse a token of the file, and the token's name. */
  readonly reused: { slot: string; token: string }[];
}

/**
 * Writes the palette as the designer's plan says: a slot that reuses a file token creates no new
 * colour: with variables on, Chorus's variable for the slot becomes an alias of the token's
 * variable (created once, repointed if the designer picked another); a reused style is left for
 * the layers to bind. Every other slot is written by writeStyles (new, update, keep). One undo
 * step for all of it; if Figma refuses a write, everything this call did is rolled back
 * (PluginFailure WRITE_FAILED). A token that is gone since the plan is WRITE_FAILED too, before any write.
 */
export async function writePlan(figma: PluginAPI, input: WritePlanInput): Promise<WritePlanResult> {
  const reuse = new Map(input.choices.flatMap((c) => (c.reuse ? [[c.slot, c.reuse] as const] : [])));
  const slots = assignStyleSlots(input.palette).filter(({ slot }) => reuse.has(slot));
  const targets = await Promise.all(
    slots.map(async ({ slot, color }) => {
      const id = reuse.get(slot)!;
      const target = (await figma.variables.getVariableByIdAsync(id)) ?? (await figma.getStyleByIdAsync(id));
      if (!target) {
        throw new PluginFailure('WRITE_FAILED', `The colour planned for “${slot}” is no longer in the file. Plan again, then write.`);
      }
      return { slot, color, target };
    }),
  );
  const variables = await readChorusVariables(figma);
  const undo = new UndoLog();
  const reused: WritePlanResult['reused'] = [];
  const { prefix } = input.options;
  try {
    let collection = variables.collection;
    const taken = collection ? variables.namesIn(collection) : new Set<string>();
    for (const { slot, color, target } of targets) {
      reused.push({ slot, token: target.name });
      if (!('resolvedType' in target) || !input.options.variables) continue;
      const alias = figma.variables.createVariableAlias(target);
      const existing = variables.forSlot(prefix, slot);
      if (existing) {
        const modeId = variables.defaultModeOf(existing);
        if (modeId === undefined) throw new Error(`the collection of the variable "${existing.name}" is missing`);
        const before = existing.valuesByMode[modeId];
        if (isAliasOf(before, target.id)) continue;
        undo.push(() => before !== undefined && existing.setValueForMode(modeId, before));
        existing.setValueForMode(modeId, alias);
        continue;
      }
      if (!collection) {
        const made = figma.variables.createVariableCollection(CHORUS_COLLECTION_NAME);
        undo.push(() => made.remove());
        setChorusData(made, CHORUS_COLLECTION_KEY, '1');
        collection = made;
      }
      let name = `${prefix}/${slot}`;
      for (let n = 2; taken.has(name); n++) name = `${prefix}/${slot} ${n}`;
      taken.add(name);
      const variable = figma.variables.createVariable(name, collection, 'COLOR');
      undo.push(() => variable.remove());
      variable.scopes = variableScopes(color.role);
      variable.setValueForMode(collection.defaultModeId, alias);
      variable.description = `Reuses ${target.name}.`;
      setChorusData(variable, CHORUS_STYLE_DATA.prefix, prefix);
      setChorusData(variable, CHORUS_STYLE_DATA.slot, slot);
    }
  } catch (error) {
    const undone = undo.rollBack();
    throw new PluginFailure(
      'WRITE_FAILED',
      undone
        ? `Figma refused to write the plan (${reasonOf(error)}), so Chorus changed nothing. Try again; if it keeps failing, reload the file.`
        : `Figma refused to write the plan (${reasonOf(error)}) and Chorus could not undo all of it. Press Undo (Ctrl+Z / ⌘Z) once, then reload the file.`,
    );
  }
  let summary: WriteSummary;
  try {
    summary = await writeStyles(figma, { ...input, skipSlots: new Set(reuse.keys()) });
  } catch (error) {
    undo.rollBack();
    throw error;
  }
  // writeStyles committed its own changes and these with them; if it had none, close these as the step.
  if (undo.length > 0) figma.commitUndo();
  return { summary, reused };
}

function isAliasOf(value: VariableValue | undefined, id: string): boolean {
  return typeof value === 'object' && value !== null && 'type' in value && value.type === 'VARIABLE_ALIAS' && value.id === id;
}
