import type { DesignToken } from '../core/reuse/plan-reuse.ts';
import { CHORUS_STYLE_DATA } from './chorus-style-data.ts';
import { figmaRgbToHex } from './private/figma-rgb-to-hex.ts';
import { getChorusData } from './private/chorus-plugin-data.ts';

/** Aliases followed to a value; Figma refuses alias cycles, so real chains are short. */
const MAX_ALIAS_HOPS = 16;

/**
 * The colours the file already defines, for reuse before create: its local COLOR variables (the
 * default mode's value, aliases followed) and its local paint styles of one solid paint, less
 * Chorus's own (plugin data), which the plan keeps or updates instead. Library variables are not
 * read here: the API gives their values only once imported into the file, which is a write.
 * Async APIs only (dynamic-page).
 */
export async function readDesignTokens(figma: PluginAPI): Promise<DesignToken[]> {
  const [collections, variables, styles] = await Promise.all([
    figma.variables.getLocalVariableCollectionsAsync(),
    figma.variables.getLocalVariablesAsync('COLOR'),
    figma.getLocalPaintStylesAsync(),
  ]);
  const modeOf = new Map(collections.map((c) => [c.id, c.defaultModeId]));
  const byId = new Map(variables.map((v) => [v.id, v]));
  const valueOf = (variable: Variable): VariableValue | undefined => {
    const mode = modeOf.get(variable.variableCollectionId);
    let value = mode === undefined ? undefined : variable.valuesByMode[mode];
    for (let hops = 0; hops < MAX_ALIAS_HOPS && isAlias(value); hops++) {
      const target = byId.get(value.id);
      const targetMode = target ? modeOf.get(target.variableCollectionId) : undefined;
      value = target && targetMode !== undefined ? target.valuesByMode[targetMode] : undefined;
    }
    return value;
  };
  const chorus = (owner: PluginDataMixin) => getChorusData(owner, CHORUS_STYLE_DATA.slot) !== '';

  const tokens: DesignToken[] = [];
  for (const variable of variables) {
    if (chorus(variable)) continue;
    const value = valueOf(variable);
    if (isRgb(value)) tokens.push({ id: variable.id, name: variable.name, hex: figmaRgbToHex(value), kind: 'variable' });
  }
  for (const style of styles) {
    if (chorus(style)) continue;
    const solids = style.paints.filter((p): p is SolidPaint => p.type === 'SOLID' && p.visible !== false);
    if (style.paints.length === 1 && solids.length === 1) tokens.push({ id: style.id, name: style.name, hex: figmaRgbToHex(solids[0]!.color), kind: 'style' });
  }
  return tokens;
}

function isAlias(value: VariableValue | undefined): value is VariableAlias {
  return typeof value === 'object' && value !== null && 'type' in value && value.type === 'VARIABLE_ALIAS';
}

function isRgb(value: VariableValue | undefined): value is RGB | RGBA {
  return typeof value === 'object' && value !== null && 'r' in value && 'g' in value && 'b' in value;
}
