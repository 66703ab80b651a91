import { ciede2000, formatHex, hexToLab, hexToOklab, oklabToRgb, type Lab } from '../../color/index.ts';
import { byProminence, sum, type Point } from '../private/point.ts';

/**
 * CV colours of different extractors this close (CIEDE2000) are one measured colour: 3 is where
 * the fixtures' scorer and most design-token tooling stop calling two colours different (as in tier 1).
 */
export const MATCH_DE = 3;
/**
 * A model's colour within this distance of a measured one, and nearer to it than to any other, is a
 * reading of it: models look at a downscaled, compressed copy, and read a colour a few ΔE00 off
 * (5 is the scorer's "same colour at a glance" threshold). Past it the model saw a colour CV did not.
 */
export const READING_DE = 5;

/**
 * Votes closer than this (CIEDE2000) give the same value: far under a just-noticeable difference,
 * so what agrees is a value, not a neighbourhood. A model asked to copy a measured value that
 * answers #F25A27 for a measured #F15925 (ΔE00 0.36) read the pixels itself (the seed's example).
 */
export const SAME_VALUE_DE = 0.3;

/** One colour the voters saw: a measured value (CV decides values), or one only models named. */
export interface ValueGroup {
  /** Position in the vote's list of values, for stable ordering. */
  readonly index: number;
  /** The measured value (the one with most CV weight), or the heaviest model's guess when nothing measured it. */
  readonly hex: string;
  readonly lab: Lab;
  readonly measured: boolean;
  /** Fraction (0–1) of the image it covers, from the extractors that measured it. */
  readonly share?: number;
  /** Weight of the CV extractors that measured it ÷ weight of every CV extractor (0 when unmeasured). */
  readonly cvShare: number;
  /** Every vote that reads this colour: the CV measurements and the model readings. */
  readonly points: readonly Point[];
}

/**
 * The values question. CV votes are matched across extractors within MATCH_DE (at most one colour
 * of an extractor per value, so an extractor that separates two near colours keeps them apart);
 * each model vote is then a reading of the nearest measured value within READING_DE; what is left
 * (colours no CV extractor measured) is matched across models the same way. Deterministic for
 * points in canonical order.
 */
export function groupValues(points: readonly Point[]): ValueGroup[] {
  const measured = points.filter((p) => p.vote.measured);
  const guessed = points.filter((p) => !p.vote.measured);
  const cvWeight = sum(maxWeightByExtractor(measured).values());

  const measuredGroups = matchAcrossExtractors(measured, MATCH_DE);
  const readings = measuredGroups.map(() => [] as Point[]);
  const unread: Point[] = [];
  for (const p of guessed) {
    let best = -1;
    let bestDe = READING_DE;
    measuredGroups.forEach((g, i) => {
      const de = ciede2000(g[0]!.lab, p.lab);
      if (de < bestDe) [best, bestDe] = [i, de];
    });
    if (best >= 0) readings[best]!.push(p);
    else unread.push(p);
  }

  const groups: ValueGroup[] = measuredGroups.map((members, i) => {
    const value = measuredValue(members);
    const weights = maxWeightByExtractor(members);
    return {
      index: i,
      hex: value.vote.hex,
      lab: value.lab,
      measured: true,
      ...shareOf(members),
      cvShare: cvWeight > 0 ? sum(weights.values()) / cvWeight : 0,
      points: [...members, ...readings[i]!],
    };
  });
  for (const members of matchAcrossExtractors(unread, READING_DE)) {
    const hex = meanReading(members);
    groups.push({ index: groups.length, hex, lab: hexToLab(hex)!, measured: false, cvShare: 0, points: members });
  }
  return groups;
}

/**
 * A colour only models saw: the weighted mean of their readings in OKLab (perceptually uniform, so
 * the mean of independent readings a few ΔE off lands nearer the colour than most of them).
 */
function meanReading(members: readonly Point[]): string {
  const total = sum(members.map((p) => p.vote.weight));
  const mean = { L: 0, a: 0, b: 0 };
  for (const p of members) {
    const ok = hexToOklab(p.vote.hex)!;
    mean.L += (ok.L * p.vote.weight) / total;
    mean.a += (ok.a * p.vote.weight) / total;
    mean.b += (ok.b * p.vote.weight) / total;
  }
  return formatHex(oklabToRgb(mean));
}

/** The weight-averaged share of the measurements that carry one; none when none does. */
function shareOf(members: readonly Point[]): { share?: number } {
  const withShare = members.filter((p) => p.vote.share !== undefined);
  if (withShare.length === 0) return {};
  return { share: sum(withShare.map((p) => p.vote.weight * p.vote.share!)) / sum(withShare.map((p) => p.vote.weight)) };
}

/** The measured hex with the most CV weight behind it (ties: larger share, then lower hex). */
function measuredValue(members: readonly Point[]): Point {
  const byHex = new Map<string, { point: Point; weight: number; share: number }>();
  for (const p of members) {
    const seen = byHex.get(p.vote.hex);
    byHex.set(p.vote.hex, { point: seen?.point ?? p, weight: (seen?.weight ?? 0) + p.vote.weight, share: Math.max(seen?.share ?? 0, p.vote.share ?? 0) });
  }
  return [...byHex.values()].sort((a, b) => b.weight - a.weight || b.share - a.share || (a.point.vote.hex < b.point.vote.hex ? -1 : 1))[0]!.point;
}

/** Points grouped across extractors, most prominent first as anchors: at most one point of each extractor per group. */
function matchAcrossExtractors(points: readonly Point[], within: number): Point[][] {
  const groups: Point[][] = [];
  for (const p of byProminence(points)) {
    let best: Point[] | undefined;
    let bestDe = within;
    for (const g of groups) {
      if (g.some((m) => m.vote.extractor === p.vote.extractor)) continue;
      const de = ciede2000(g[0]!.lab, p.lab);
      if (de < bestDe) [best, bestDe] = [g, de];
    }
    if (best) best.push(p);
    else groups.push([p]);
  }
  return groups;
}

/** Each extractor's weight (its heaviest vote: an extractor's weight is one number). */
export function maxWeightByExtractor(points: readonly Point[]): Map<string, number> {
  const weights = new Map<string, number>();
  for (const p of points) weights.set(p.vote.extractor, Math.max(weights.get(p.vote.extractor) ?? 0, p.vote.weight));
  return weights;
}
