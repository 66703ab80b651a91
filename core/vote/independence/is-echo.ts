import type { Point } from '../private/point.ts';

/** An answer of fewer colours says too little to tell an echo from a model that agrees with CV. */
export const ECHO_MIN_COLORS = 3;
/**
 * Share of the measured colours above the last one an answer kept that it must keep to be an
 * echo: a copy of the list, allowing a colour or two lost to the answer's size limit or ordering.
 */
export const ECHO_COVERAGE = 0.9;

/**
 * True when a model's answer only repeats the measured list it was shown (every measured hex, most
 * prominent first, as the prompt lists them): every colour is a measured hex copied exactly, every
 * role it gives is one CV gave that hex, and it kept the most prominent measured hexes without a
 * real gap. A model that looked at the screen drops CV's edge blends, adds what CV missed or moves
 * a role; one that did none of that brought no evidence of its own.
 */
export function isEcho(answer: readonly Point[], measured: readonly Point[]): boolean {
  const cvRoles = new Map<string, Set<string>>();
  const prominence = new Map<string, number>();
  for (const p of measured) {
    const roles = cvRoles.get(p.vote.hex) ?? new Set<string>();
    if (p.vote.role) roles.add(p.vote.role);
    cvRoles.set(p.vote.hex, roles);
    prominence.set(p.vote.hex, Math.max(prominence.get(p.vote.hex) ?? 0, p.vote.share ?? 0));
  }
  for (const p of answer) {
    const roles = cvRoles.get(p.vote.hex);
    if (!roles || (p.vote.role && !roles.has(p.vote.role))) return false;
  }
  const given = new Set(answer.map((p) => p.vote.hex));
  if (given.size < ECHO_MIN_COLORS) return false;
  const listed = [...prominence].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([hex]) => hex);
  const last = Math.max(...[...given].map((hex) => listed.indexOf(hex)));
  return given.size >= ECHO_COVERAGE * (last + 1);
}
