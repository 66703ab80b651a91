import type { PaletteColor } from '../core/palette/palette-color.ts';
import { planReuse, type PlanLine } from '../core/reuse/plan-reuse.ts';
import { assignStyleSlots } from './assign-style-slots.ts';
import { CHORUS_STYLE_DATA } from './chorus-style-data.ts';
import { readChorusVariables } from './private/chorus-variables.ts';
import { figmaRgbToHex } from './private/figma-rgb-to-hex.ts';
import { readDesignTokens } from './read-design-tokens.ts';
import { readLibraryTokens } from './read-library-tokens.ts';
import { getChorusData } from './private/chorus-plugin-data.ts';

/**
 * What writing `palette` under `prefix` would do, slot by slot, before anything is written: keep
 * or update Chorus's own style, reuse a token the file (or an enabled library) already has, or
 * create the colour. A slot Chorus already wrote as an alias of a token stays that reuse, so a
 * second run plans no change. Locked slots reuse only a token of exactly their value.
 */
export async function planWrite(figma: PluginAPI, palette: readonly PaletteColor[], prefix: string, locked: readonly string[]): Promise<PlanLine[]> {
  const [local, library, styles, variables] = await Promise.all([
    readDesignTokens(figma),
    readLibraryTokens(figma),
    figma.getLocalPaintStylesAsync(),
    readChorusVariables(figma),
  ]);
  const tokens = [...local, ...library];
  const own = new Map<string, string>();
  for (const style of styles) {
    if (getChorusData(style, CHORUS_STYLE_DATA.prefix) !== prefix) continue;
    const slot = getChorusData(style, CHORUS_STYLE_DATA.slot);
    const paint = style.paints[0];
    if (slot !== '' && !own.has(slot) && paint?.type === 'SOLID') own.set(slot, figmaRgbToHex(paint.color));
  }
  const lockedSlots = new Set(locked);
  const slots = assignStyleSlots(palette);
  const lines = planReuse(
    slots.map(({ slot, color }) => ({ key: slot, hex: color.hex, ...(color.role ? { role: color.role } : {}), ...(lockedSlots.has(slot) ? { locked: true } : {}) })),
    tokens,
    own,
  );
  // A slot Chorus wrote as an alias of a token, and no style of its own: that reuse stands.
  return lines.map((line) => {
    if (own.has(line.key)) return line;
    const variable = variables.forSlot(prefix, line.key);
    const value = variable ? Object.values(variable.valuesByMode)[0] : undefined;
    const target = isAlias(value) ? tokens.find((t) => t.id === value.id) : undefined;
    if (!target || line.token?.id === target.id) return line;
    return { ...line, action: 'reuse', token: target, alternatives: [] };
  });
}

function isAlias(value: VariableValue | undefined): value is VariableAlias {
  return typeof value === 'object' && value !== null && 'type' in value && value.type === 'VARIABLE_ALIAS';
}
