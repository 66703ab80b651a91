import type { Point } from '../private/point.ts';
import type { ValueGroup } from '../values/group-values.ts';

/** An answer of fewer colours says too little to tell an echo from a model that agrees with CV. */
export const ECHO_MIN_COLORS = 3;

/**
 * True when a model's answer only repeats the measured list it was shown: every colour is a
 * measured hex copied exactly, every role it gives is one CV gave that colour, and the colours are
 * the most prominent measured ones without a gap (it skipped none above the last one it kept). A
 * model that looked at the screen drops CV's artefacts, adds what CV missed or moves a role; one
 * that did none of that brought no evidence of its own.
 */
export function isEcho(answer: readonly Point[], groups: readonly ValueGroup[]): boolean {
  const measured = groups.filter((g) => g.measured);
  const home = (p: Point) => measured.find((g) => g.points.includes(p));
  const given = new Set<ValueGroup>();
  for (const p of answer) {
    const g = home(p);
    const copies = g?.points.filter((m) => m.vote.measured && m.vote.hex === p.vote.hex) ?? [];
    if (!g || copies.length === 0) return false;
    if (p.vote.role && !g.points.some((m) => m.vote.measured && m.vote.role === p.vote.role)) return false;
    given.add(g);
  }
  if (given.size < ECHO_MIN_COLORS) return false;
  const listed = [...measured].sort((a, b) => (b.share ?? 0) - (a.share ?? 0) || a.index - b.index);
  const last = Math.max(...[...given].map((g) => listed.indexOf(g)));
  return listed.slice(0, last + 1).every((g) => given.has(g));
}
