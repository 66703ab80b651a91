import type { ExportColor } from './export-color.ts';
import { toCssVariables } from './to-css-variables.ts';
import { toDtcg } from './to-dtcg.ts';
import { toPlainJson } from './to-plain-json.ts';
import { toTokensStudio } from './to-tokens-studio.ts';

export const TOKEN_FORMATS = ['dtcg', 'tokens-studio', 'css', 'json'] as const;
export type TokenFormat = (typeof TOKEN_FORMATS)[number];

/** File name and media type each format is saved with. */
export const TOKEN_FILES: Readonly<Record<TokenFormat, { readonly fileName: string; readonly mediaType: string }>> = {
  dtcg: { fileName: 'chorus.tokens.json', mediaType: 'application/design-tokens+json' },
  'tokens-studio': { fileName: 'chorus.tokens-studio.json', mediaType: 'application/json' },
  css: { fileName: 'chorus-tokens.css', mediaType: 'text/css' },
  json: { fileName: 'chorus-colors.json', mediaType: 'application/json' },
};

/** The palette as the text of a token file in `format`. */
export function formatTokens(colors: readonly ExportColor[], format: TokenFormat): string {
  switch (format) {
    case 'dtcg':
      return `${JSON.stringify(toDtcg(colors), null, 2)}\n`;
    case 'tokens-studio':
      return `${JSON.stringify(toTokensStudio(colors), null, 2)}\n`;
    case 'css':
      return toCssVariables(colors);
    case 'json':
      return `${JSON.stringify(toPlainJson(colors), null, 2)}\n`;
  }
}
