import { ciede2000, hexToLab, type Lab } from '../../color/index.ts';
import type { ColorVote } from '../color-vote.ts';

/** A vote with its colour in CIELAB, computed once. */
export interface Point {
  readonly vote: ColorVote;
  readonly lab: Lab;
}

/** Votes with a readable hex and a positive weight, in a canonical order: the vote never depends on arrival order. */
export function canonicalPoints(votes: readonly ColorVote[]): Point[] {
  const points: Point[] = [];
  for (const vote of votes) {
    const hex = vote.hex.toLowerCase();
    const lab = hexToLab(hex);
    if (lab && vote.weight > 0) points.push({ vote: { ...vote, hex }, lab });
  }
  return points.sort((a, b) => compareVotes(a.vote, b.vote));
}

/** Most prominent first: measured share, then weight, then the canonical order. */
export function byProminence(points: readonly Point[]): Point[] {
  return [...points].sort((a, b) => (b.vote.share ?? 0) - (a.vote.share ?? 0) || b.vote.weight - a.vote.weight || compareVotes(a.vote, b.vote));
}

function compareVotes(a: ColorVote, b: ColorVote): number {
  const keys: [string, string][] = [
    [a.extractor, b.extractor],
    [a.role ?? '', b.role ?? ''],
    [a.hex, b.hex],
    [a.name ?? '', b.name ?? ''],
  ];
  for (const [x, y] of keys) if (x !== y) return x < y ? -1 : 1;
  return (a.share ?? 0) - (b.share ?? 0);
}

export const deltaE = (a: Point, b: Point): number => ciede2000(a.lab, b.lab);
export const sum = (values: Iterable<number>): number => {
  let total = 0;
  for (const v of values) total += v;
  return total;
};
