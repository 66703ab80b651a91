import type { ExportColor } from './export-color.ts';
import { describe } from './to-dtcg.ts';
import { tokenKeys } from './token-keys.ts';

/** Tokens Studio's JSON (its legacy, widely read shape): `value` a hex string, `type: "color"`, grouped under `color`. */
export function toTokensStudio(colors: readonly ExportColor[]): { color: Record<string, { value: string; type: 'color'; description: string }> } {
  const keys = tokenKeys(colors);
  const group: Record<string, { value: string; type: 'color'; description: string }> = {};
  colors.forEach((c, i) => (group[keys[i]!] = { value: c.hex.toLowerCase(), type: 'color', description: describe(c) }));
  return { color: group };
}
