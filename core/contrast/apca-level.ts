/**
 * The use an APCA Lc is enough for, in APCA's Bronze Simple Mode (APCA Readability Criterion,
 * readtech.org/ARC, checked 2026-12-03): |Lc| 75 is the minimum for body text (90 preferred), 60 for
 * other content text, 45 for large text and headlines, 30 for non-text elements and placeholders.
 */
export type ApcaLevel = 'body' | 'content' | 'large' | 'non-text' | 'fail';

const LEVELS: readonly [number, ApcaLevel][] = [
  [75, 'body'],
  [60, 'content'],
  [45, 'large'],
  [30, 'non-text'],
];

/** The Bronze Simple Mode use `lc` (either polarity) is enough for. */
export function apcaLevel(lc: number): ApcaLevel {
  const magnitude = Math.abs(lc);
  return LEVELS.find(([min]) => magnitude >= min)?.[1] ?? 'fail';
}
