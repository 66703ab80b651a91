import { contrastRatio, parseHex } from '../color/index.ts';
import { apcaLc } from './apca-lc.ts';
import { apcaLevel, type ApcaLevel } from './apca-level.ts';
import { nearestPassingColor, type PassingColor } from './nearest-passing-color.ts';
import type { ContrastPair } from './contrast-pair.ts';
import { wcagLevel, wcagThreshold, type WcagLevel } from './wcag-level.ts';

export interface ContrastCheck extends ContrastPair {
  /** WCAG 2.2 contrast ratio, 1–21, unrounded. */
  readonly ratio: number;
  /** APCA Lc of the text on the background (signed: negative is light text on dark). */
  readonly lc: number;
  readonly wcag: WcagLevel;
  readonly apca: ApcaLevel;
  /** The pair meets WCAG 2.2 AA for its text size: the bar Chorus flags below. */
  readonly passes: boolean;
  /** For a failing pair: the text colour nearest to it that passes AA on this background, if any. */
  readonly suggestion?: PassingColor;
}

/** WCAG 2.2 ratio, AA/AAA verdict and APCA Lc of one pair; null if a hex is unreadable. */
export function checkContrast(pair: ContrastPair): ContrastCheck | null {
  const text = parseHex(pair.text.hex);
  const background = parseHex(pair.background.hex);
  if (!text || !background) return null;
  const large = pair.large ?? false;
  const ratio = contrastRatio(text, background);
  const lc = apcaLc(text, background);
  const wcag = wcagLevel(ratio, large);
  const passes = wcag !== 'fail';
  const suggestion = passes ? null : nearestPassingColor(pair.text.hex, pair.background.hex, wcagThreshold('AA', large));
  return { ...pair, ratio, lc, wcag, apca: apcaLevel(lc), passes, ...(suggestion ? { suggestion } : {}) };
}
