import type { ExportColor } from './export-color.ts';
import { describe } from './to-dtcg.ts';
import { tokenKeys } from './token-keys.ts';

/** CSS custom properties on `:root`, `--<prefix>-<key>: #rrggbb;`, each with what it is as a comment. */
export function toCssVariables(colors: readonly ExportColor[], prefix = 'color'): string {
  const keys = tokenKeys(colors);
  const lines = colors.map((c, i) => `  --${prefix}-${keys[i]}: ${c.hex.toLowerCase()}; /* ${describe(c).replace(/\*\//g, '')} */`);
  return `/* Colour tokens extracted by Chorus. */\n:root {\n${lines.join('\n')}\n}\n`;
}
