import { checkContrast } from '../contrast/check-contrast.ts';
import { screenPairs, type ObservedPair } from '../contrast/screen-pairs.ts';
import type { ExportColor } from './export-color.ts';

/** One contrast check as a DTCG `$extensions` entry on the text token: the background is a reference. */
export interface ContrastExtension {
  /** The background token, as a DTCG reference: `{color.surface}`, or a hex the palette lacks. */
  readonly on: string;
  readonly ratio: number;
  readonly apcaLc: number;
  readonly wcag: 'AAA' | 'AA' | 'fail';
  readonly apca: string;
  readonly large: boolean;
  /** The nearest text colour that passes WCAG 2.2 AA on this background, for a failing pair. */
  readonly suggestion?: string;
}

/** Ratios and Lc to 2 decimals: what the verdicts and every contrast tool show. */
const round2 = (v: number) => Math.round(v * 100) / 100;

/**
 * The contrast checks of a palette keyed by `keys` (its token keys), by the key of the text token
 * each belongs to: the pairs the screen uses (`observed`, from the layers) or its role pairs.
 */
export function contrastExtensions(
  colors: readonly ExportColor[],
  keys: readonly string[],
  observed: readonly ObservedPair[] = [],
  group = 'color',
): Map<string, ContrastExtension[]> {
  const pairable = colors.map((c, i) => ({ key: keys[i]!, hex: c.hex, ...(c.role ? { role: c.role } : {}) }));
  const byText = new Map<string, ContrastExtension[]>();
  for (const pair of screenPairs(pairable, observed)) {
    const check = checkContrast(pair);
    if (!check || !keys.includes(pair.text.key)) continue;
    const on = keys.includes(pair.background.key) ? `{${group}.${pair.background.key}}` : pair.background.hex;
    const entry: ContrastExtension = {
      on,
      ratio: round2(check.ratio),
      apcaLc: round2(check.lc),
      wcag: check.wcag,
      apca: check.apca,
      large: pair.large ?? false,
      ...(check.suggestion ? { suggestion: check.suggestion.hex } : {}),
    };
    byText.set(pair.text.key, [...(byText.get(pair.text.key) ?? []), entry]);
  }
  return byText;
}
