import type { ExportColor } from './export-color.ts';
import { tokenKeys } from './token-keys.ts';

/** The simplest shape: `{ "<key>": "#rrggbb" }`, most prominent first, for scripts and config files. */
export function toPlainJson(colors: readonly ExportColor[]): Record<string, string> {
  const keys = tokenKeys(colors);
  const out: Record<string, string> = {};
  colors.forEach((c, i) => (out[keys[i]!] = c.hex.toLowerCase()));
  return out;
}
