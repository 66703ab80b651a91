/** WCAG 2.2 success criteria a text/background pair meets: 1.4.6 (AAA) and 1.4.3 (AA), by text size. */
export type WcagLevel = 'AAA' | 'AA' | 'fail';

// WCAG 2.2 SC 1.4.3 Contrast (Minimum) and SC 1.4.6 Contrast (Enhanced), https://www.w3.org/TR/WCAG22/:
// normal text needs 4.5:1 (AA) and 7:1 (AAA); large text (18 pt, or 14 pt bold) 3:1 and 4.5:1.
const AA_NORMAL = 4.5;
const AAA_NORMAL = 7;
const AA_LARGE = 3;
const AAA_LARGE = 4.5;

/** The level a contrast ratio (1–21, unrounded: WCAG compares as-is) reaches for normal or large text. */
export function wcagLevel(ratio: number, large: boolean): WcagLevel {
  const [aa, aaa] = large ? [AA_LARGE, AAA_LARGE] : [AA_NORMAL, AAA_NORMAL];
  return ratio >= aaa ? 'AAA' : ratio >= aa ? 'AA' : 'fail';
}

/** The ratio a pair needs to reach `level` ('AA' or 'AAA'). */
export function wcagThreshold(level: Exclude<WcagLevel, 'fail'>, large: boolean): number {
  if (level === 'AAA') return large ? AAA_LARGE : AAA_NORMAL;
  return large ? AA_LARGE : AA_NORMAL;
}
