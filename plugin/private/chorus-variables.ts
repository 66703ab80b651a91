import { CHORUS_COLLECTION_KEY, CHORUS_STYLE_DATA } from '../chorus-style-data.ts';
import { chorusValueHex, displayValueHex } from './color-value-hex.ts';
import { getChorusData } from './chorus-plugin-data.ts';

/**
 * The document's COLOR variables as Chorus needs them, read once through the async API: the
 * collection Chorus writes into (found by plugin data, never by name), Chorus's variable for each
 * (prefix, slot), and every local COLOR variable by id (a style may be bound to any of them).
 */
export interface ChorusVariables {
  /** The collection Chorus made; undefined until it made one (or after the designer deleted it). */
  readonly collection: VariableCollection | undefined;
  /** Chorus's variable for the slot; if the designer duplicated one, the first in the file wins. */
  forSlot(prefix: string, slot: string): Variable | undefined;
  byId(id: string): Variable | undefined;
  /** The mode Chorus writes: the default mode of the variable's collection. */
  defaultModeOf(variable: Variable): string | undefined;
  /** The default-mode value as Chorus could have written it (see chorusValueHex). */
  chorusHex(variable: Variable): string | undefined;
  /** The default-mode value for the designer (see displayValueHex), following aliases to local variables. */
  displayHex(variable: Variable): string;
  /** Names already used in `collection` (Figma refuses a duplicate name in one collection). */
  namesIn(collection: VariableCollection): Set<string>;
}

/** Aliases followed to show a colour; Figma refuses alias cycles, so real chains are short. */
const MAX_ALIAS_HOPS = 16;

export async function readChorusVariables(figma: PluginAPI): Promise<ChorusVariables> {
  const [collections, variables] = await Promise.all([
    figma.variables.getLocalVariableCollectionsAsync(),
    figma.variables.getLocalVariablesAsync('COLOR'),
  ]);
  const collectionsById = new Map(collections.map((c) => [c.id, c]));
  const byId = new Map(variables.map((v) => [v.id, v]));
  const bySlot = new Map<string, Variable>();
  for (const variable of variables) {
    const prefix = getChorusData(variable, CHORUS_STYLE_DATA.prefix);
    const slot = getChorusData(variable, CHORUS_STYLE_DATA.slot);
    const key = slotKey(prefix, slot);
    if (prefix !== '' && slot !== '' && !bySlot.has(key)) bySlot.set(key, variable);
  }
  const valueOf = (variable: Variable): VariableValue | undefined => {
    const mode = collectionsById.get(variable.variableCollectionId)?.defaultModeId;
    return mode === undefined ? undefined : variable.valuesByMode[mode];
  };
  return {
    collection: collections.find((c) => getChorusData(c, CHORUS_COLLECTION_KEY) !== ''),
    forSlot: (prefix, slot) => bySlot.get(slotKey(prefix, slot)),
    byId: (id) => byId.get(id),
    defaultModeOf: (variable) => collectionsById.get(variable.variableCollectionId)?.defaultModeId,
    chorusHex: (variable) => chorusValueHex(valueOf(variable)),
    displayHex: (variable) => {
      let value = valueOf(variable);
      // An alias shows its target's value; a chain longer than this is a loop or not ours to follow.
      for (let hops = 0; hops < MAX_ALIAS_HOPS && isAlias(value); hops++) {
        const target = byId.get(value.id);
        value = target ? valueOf(target) : undefined;
      }
      return displayValueHex(value);
    },
    namesIn: (collection) => new Set(variables.filter((v) => v.variableCollectionId === collection.id).map((v) => v.name)),
  };
}

/** Whether `variable` is Chorus's variable for the same (prefix, slot) as `style`. */
export function isOwnVariable(variable: Variable | undefined, style: PaintStyle): variable is Variable {
  return (
    variable !== undefined &&
    getChorusData(variable, CHORUS_STYLE_DATA.slot) !== '' &&
    getChorusData(variable, CHORUS_STYLE_DATA.prefix) === getChorusData(style, CHORUS_STYLE_DATA.prefix) &&
    getChorusData(variable, CHORUS_STYLE_DATA.slot) === getChorusData(style, CHORUS_STYLE_DATA.slot)
  );
}

function slotKey(prefix: string, slot: string): string {
  return `${prefix}\u0000${slot}`;
}

function isAlias(value: VariableValue | undefined): value is VariableAlias {
  return typeof value === 'object' && value !== null && 'type' in value && value.type === 'VARIABLE_ALIAS';
}
