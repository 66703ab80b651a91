import type { ModesResult, ModeVersion } from '../core/messages/modes-messages.ts';
import type { Role } from '../core/palette/role.ts';
import { CHORUS_STYLE_DATA } from './chorus-style-data.ts';
import { PluginFailure } from './plugin-failure.ts';
import { hexToFigmaRgb } from './private/hex-to-figma-rgb.ts';
import { reasonOf } from './private/reason-of.ts';
import { UndoLog } from './private/undo-log.ts';
import { variableScopes } from './variable-scopes.ts';
import { getChorusData, setChorusData } from './private/chorus-plugin-data.ts';

/** Plugin data on the collection Chorus keeps modes in: the style folder it is for. */
export const CHORUS_MODES_KEY = 'chorus.modes';
/** Figma's refusal when a collection is at its plan's limit ("Limited to 4 modes only"). */
const MODE_LIMIT_MESSAGE = /Limited to (\d+) modes? only/i;

/**
 * Writes versions of one screen (light, dark, high contrast) as one collection, `<prefix> modes`,
 * found again by plugin data: a mode per version, by name (an existing mode of that name is
 * updated, so a version can be added later), and a COLOR variable `<prefix>/<role>` per role that
 * every version has, with each version's value in its mode. When Figma refuses a mode because
 * the file's plan allows no more, the versions that fit are written whole and the rest are
 * reported in `skipped` with the limit; nothing is ever half a mode. One undo step; on any other
 * refusal, everything this call did is rolled back (PluginFailure WRITE_FAILED).
 */
export async function writeModes(figma: PluginAPI, prefix: string, versions: readonly ModeVersion[]): Promise<ModesResult> {
  const [collections, variables] = await Promise.all([figma.variables.getLocalVariableCollectionsAsync(), figma.variables.getLocalVariablesAsync('COLOR')]);
  const undo = new UndoLog();
  const written: { version: ModeVersion; modeId: string }[] = [];
  const skipped: string[] = [];
  let limit: number | undefined;
  let collection = collections.find((c) => getChorusData(c, CHORUS_MODES_KEY) === prefix);
  const name = `${prefix} modes`;
  try {
    const fresh = collection === undefined;
    if (!collection) {
      const made = figma.variables.createVariableCollection(name);
      undo.push(() => made.remove());
      setChorusData(made, CHORUS_MODES_KEY, prefix);
      collection = made;
    }
    for (const version of versions) {
      if (limit !== undefined) {
        skipped.push(version.name);
        continue;
      }
      const existing = collection.modes.find((m) => m.name.toLowerCase() === version.name.toLowerCase());
      if (existing) {
        written.push({ version, modeId: existing.modeId });
      } else if (fresh && written.length === 0) {
        // A new collection's one mode ("Mode 1") becomes the first version.
        const modeId = collection.defaultModeId;
        const before = collection.modes.find((m) => m.modeId === modeId)!.name;
        const target = collection;
        collection.renameMode(modeId, version.name);
        undo.push(() => target.renameMode(modeId, before));
        written.push({ version, modeId });
      } else {
        try {
          const modeId = collection.addMode(version.name);
          const target = collection;
          undo.push(() => target.removeMode(modeId));
          written.push({ version, modeId });
        } catch (error) {
          const hit = MODE_LIMIT_MESSAGE.exec(reasonOf(error));
          if (!hit) throw error;
          limit = Number(hit[1]);
          skipped.push(version.name);
        }
      }
    }

    // Only roles every written version has: a mode missing one would show another mode's colour.
    const roleSets = written.map((w) => new Set(w.version.colors.map((c) => c.role)));
    const allRoles = [...new Set(versions.flatMap((v) => v.colors.map((c) => c.role)))];
    const paired = allRoles.filter((role) => roleSets.every((set) => set.has(role)));
    const unpaired = allRoles.filter((role) => !paired.includes(role));
    const inCollection = variables.filter((v) => v.variableCollectionId === collection!.id);
    for (const role of paired) {
      let variable = inCollection.find((v) => getChorusData(v, CHORUS_STYLE_DATA.slot) === role && getChorusData(v, CHORUS_STYLE_DATA.prefix) === prefix);
      if (!variable) {
        const made = figma.variables.createVariable(uniqueName(`${prefix}/${role}`, inCollection), collection, 'COLOR');
        undo.push(() => made.remove());
        made.scopes = variableScopes(role as Role);
        setChorusData(made, CHORUS_STYLE_DATA.prefix, prefix);
        setChorusData(made, CHORUS_STYLE_DATA.slot, role);
        variable = made;
      }
      for (const { version, modeId } of written) {
        const hex = version.colors.find((c) => c.role === role)!.hex;
        const before = variable.valuesByMode[modeId];
        const target = variable;
        undo.push(() => before !== undefined && target.setValueForMode(modeId, before));
        variable.setValueForMode(modeId, { ...hexToFigmaRgb(hex), a: 1 });
      }
    }
    if (undo.length > 0) figma.commitUndo();
    return { collection: collection.name, written: written.map((w) => w.version.name), skipped, ...(limit !== undefined ? { limit } : {}), unpaired };
  } catch (error) {
    const undone = undo.rollBack();
    throw new PluginFailure(
      'WRITE_FAILED',
      undone
        ? `Figma refused to write the modes (${reasonOf(error)}), so Chorus changed nothing. Try again; if it keeps failing, reload the file.`
        : `Figma refused to write the modes (${reasonOf(error)}) and Chorus could not undo all of it. Press Undo (Ctrl+Z / ⌘Z) once, then reload the file.`,
    );
  }
}

function uniqueName(base: string, taken: readonly Variable[]): string {
  const names = new Set(taken.map((v) => v.name));
  let name = base;
  for (let n = 2; names.has(name); n++) name = `${base} ${n}`;
  return name;
}
