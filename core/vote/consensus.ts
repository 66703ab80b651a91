import { ciede2000, hexToLab, type Lab } from '../color/index.ts';
import { ROLES, type Role } from '../palette/role.ts';
import type { ColorVote } from './color-vote.ts';

/**
 * Votes closer than this (CIEDE2000) name the same colour: far under a just-noticeable difference,
 * so what agrees is a value, not a neighbourhood. The prompt hands models the measured values, so
 * a model that agrees echoes one; one that answers #F25A27 for a measured #F15925 (ΔE00 0.36) made
 * a guess of its own, and the vote counts it so (the seed's worked example: 78.6 % agreement).
 */
export const SAME_COLOR_DE = 0.3;
/**
 * A model's colour this close to a measured one is taken to mean it: about one just-noticeable
 * difference (Sharma 2003), the distance at which a person could not tell them apart on screen.
 */
export const SNAP_DE = 2.3;
/** Unroled colours from different extractors this close are one palette colour (as in tier 1). */
export const MATCH_DE = 3;
/** Under this agreement the vote has not decided: the colour is a conflict for the designer. */
export const CONFLICT_BELOW = 0.6;

/** `confidence = 0.5 + 0.45 × agreement` (DESIGN.md): a unanimous vote is 0.95, never 1. */
export const confidenceOf = (agreement: number): number => 0.5 + 0.45 * agreement;

/** One distinct value the extractors proposed, with who proposed it. */
export interface Candidate {
  readonly hex: string;
  readonly weight: number;
  readonly measured: boolean;
  readonly votes: readonly { readonly extractor: string; readonly weight: number; readonly hex: string; readonly name?: string }[];
}

/** A colour of the consensus palette. */
export interface ConsensusColor {
  /** The role, or `color-N` for a colour without one (N by prominence). */
  readonly key: string;
  readonly role?: Role;
  readonly hex: string;
  readonly name?: string;
  /** Fraction (0–1) of the image, from the measuring extractors; absent when only models named it. */
  readonly share?: number;
  /** Winning weight over all the weight that voted (0–1). */
  readonly agreement: number;
  readonly confidence: number;
  /** Agreement under CONFLICT_BELOW with more than one candidate: the designer should pick. */
  readonly conflict: boolean;
  /** Every value proposed, most weight first; the first is the winner's. */
  readonly candidates: readonly Candidate[];
}

export interface Consensus {
  /** Most prominent first. */
  readonly colors: readonly ConsensusColor[];
  /** Share-weighted mean confidence of the palette (0.5–0.95), 0 for an empty vote. */
  readonly confidence: number;
}

interface Point {
  readonly vote: ColorVote;
  readonly lab: Lab;
}

/**
 * The weighted vote. Per role, the candidates are clustered by CIEDE2000 (SAME_COLOR_DE); the
 * heaviest cluster wins; agreement is its weight over the weight that named that role. Colours
 * without a role are matched across extractors by distance (MATCH_DE). A colour is kept when most
 * of the measuring (CV) weight saw it or most of the models named it, or when it wins a role most
 * of the weight named. The value reported prefers a measured colour: a model's winning colour
 * within SNAP_DE of a measured one snaps to it, keeping the model's name. Deterministic and
 * independent of the order of the votes. Votes with an unreadable hex are ignored.
 */
export function consensus(votes: readonly ColorVote[]): Consensus {
  const points = canonical(votes);
  if (points.length === 0) return { colors: [], confidence: 0 };
  const measured = points.filter((p) => p.vote.measured);

  // Each extractor's vote for a role is its most prominent colour with that role; a second colour
  // it gave the same role still counts as a colour, without the role.
  const roled = new Map<Role, Point[]>();
  const unroled: Point[] = [];
  const named = new Set<string>();
  for (const p of byProminence(points)) {
    const role = p.vote.role;
    if (role && !named.has(`${p.vote.extractor}\u0000${role}`)) {
      named.add(`${p.vote.extractor}\u0000${role}`);
      roled.set(role, [...(roled.get(role) ?? []), p]);
    } else unroled.push(p);
  }

  const totalWeight = sum(weightByExtractor(points).values());
  const measuringWeight = sum(weightByExtractor(measured).values());
  const guessing = points.filter((p) => !p.vote.measured);
  const guessingWeight = sum(weightByExtractor(guessing).values());
  // A colour stands when most of the measuring weight saw it, or most of the models named it: what
  // one extractor alone reports (an artefact of its method, or a model's invention) is left out.
  // Models list a palette, not every pixel, so a colour CV measured needs no model to confirm it.
  const seen = (hex: string): boolean => {
    const near = (ps: readonly Point[]) => sum(weightByExtractor(ps.filter((p) => deltaE(p.vote.hex, hex) < MATCH_DE)).values());
    return (measuringWeight > 0 && near(measured) / measuringWeight > 0.5) || (guessingWeight > 0 && near(guessing) / guessingWeight > 0.5);
  };

  const colors: ConsensusColor[] = [];
  for (const role of ROLES) {
    const group = roled.get(role);
    if (!group) continue;
    const color = decide(role, role, group, measured);
    // A role most of the weight named stands even when they disagree on its colour: that is a conflict to show, not to hide.
    if (sum(weightByExtractor(group).values()) / totalWeight > 0.5 || seen(color.hex)) colors.push(color);
  }

  for (const group of matchAcrossExtractors(unroled)) {
    const color = decide('', undefined, group, measured);
    if (!seen(color.hex)) continue;
    // Already in the palette under a role: the role's vote decided it.
    if (colors.some((c) => c.role && deltaE(c.hex, color.hex) < MATCH_DE)) continue;
    colors.push(color);
  }

  colors.sort((a, b) => (b.share ?? -1) - (a.share ?? -1) || roleRank(a.role) - roleRank(b.role) || (a.hex < b.hex ? -1 : a.hex > b.hex ? 1 : 0));
  let n = 0;
  const keyed = colors.map((c) => (c.role ? c : { ...c, key: `color-${++n}` }));
  return { colors: keyed, confidence: paletteConfidence(keyed) };
}

function decide(key: string, role: Role | undefined, group: readonly Point[], measured: readonly Point[]): ConsensusColor {
  const candidates = clusterCandidates(group);
  const total = sum(candidates.map((c) => c.weight));
  const winner = candidates[0]!;
  const agreement = winner.weight / total;
  const hex = winner.measured ? winner.hex : snap(winner.hex, measured);
  const name = nameFor(winner);
  const share = measuredShare(hex, group, measured);
  return {
    key,
    ...(role ? { role } : {}),
    hex,
    ...(name ? { name } : {}),
    ...(share !== undefined ? { share } : {}),
    agreement,
    confidence: confidenceOf(agreement),
    conflict: agreement < CONFLICT_BELOW && candidates.length > 1,
    candidates,
  };
}

/**
 * How much of the image the colour covers, from the extractors that measured it: in this group
 * first; else wherever CV measured it (a colour the models put in a role CV gave another role, or
 * none), taking each measuring extractor's nearest colour within MATCH_DE. Undefined when nothing
 * measured it.
 */
function measuredShare(hex: string, group: readonly Point[], measured: readonly Point[]): number | undefined {
  const lab = hexToLab(hex)!;
  const inGroup = group.filter((p) => p.vote.measured && p.vote.share !== undefined && ciede2000(p.lab, lab) < MATCH_DE);
  const pool = inGroup.length > 0 ? inGroup : nearestPerExtractor(measured.filter((p) => p.vote.share !== undefined), lab);
  return pool.length > 0 ? sum(pool.map((p) => p.vote.weight * p.vote.share!)) / sum(pool.map((p) => p.vote.weight)) : undefined;
}

function nearestPerExtractor(points: readonly Point[], lab: Lab): Point[] {
  const best = new Map<string, { point: Point; de: number }>();
  for (const p of points) {
    const de = ciede2000(p.lab, lab);
    if (de >= MATCH_DE) continue;
    const seen = best.get(p.vote.extractor);
    if (!seen || de < seen.de || (de === seen.de && p.vote.hex < seen.point.vote.hex)) best.set(p.vote.extractor, { point: p, de });
  }
  return [...best.values()].map((b) => b.point);
}

/** Distinct values, heaviest first, each joining the first heavier value within SAME_COLOR_DE. */
function clusterCandidates(group: readonly Point[]): Candidate[] {
  const byHex = new Map<string, Point[]>();
  for (const p of group) byHex.set(p.vote.hex, [...(byHex.get(p.vote.hex) ?? []), p]);
  const values = [...byHex.entries()]
    .map(([hex, ps]) => ({ hex, lab: ps[0]!.lab, points: ps, weight: sum(ps.map((p) => p.vote.weight)) }))
    .sort((a, b) => b.weight - a.weight || (a.hex < b.hex ? -1 : 1));
  const clusters: { seed: (typeof values)[number]; points: Point[] }[] = [];
  for (const v of values) {
    const home = clusters.find((c) => ciede2000(c.seed.lab, v.lab) < SAME_COLOR_DE);
    if (home) home.points.push(...v.points);
    else clusters.push({ seed: v, points: [...v.points] });
  }
  return clusters
    .map(({ seed, points }): Candidate => {
      // A cluster some CV extractor measured is worth its measured value (the one with most weight).
      const measuredWeight = new Map<string, number>();
      for (const p of points) if (p.vote.measured) measuredWeight.set(p.vote.hex, (measuredWeight.get(p.vote.hex) ?? 0) + p.vote.weight);
      const measuredHex = [...measuredWeight].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
      return {
        hex: measuredHex ?? seed.hex,
        weight: sum(points.map((p) => p.vote.weight)),
        measured: measuredHex !== undefined,
        votes: points
          .map((p) => ({ extractor: p.vote.extractor, weight: p.vote.weight, hex: p.vote.hex, ...(p.vote.name ? { name: p.vote.name } : {}) }))
          .sort((a, b) => (a.extractor < b.extractor ? -1 : a.extractor > b.extractor ? 1 : 0)),
      };
    })
    // Ties go to the measured value, then to the lower hex: the same votes always give the same winner.
    .sort((a, b) => b.weight - a.weight || Number(b.measured) - Number(a.measured) || (a.hex < b.hex ? -1 : 1));
}

/** A guessed value takes the nearest measured colour within SNAP_DE, if any. */
function snap(hex: string, measured: readonly Point[]): string {
  const lab = hexToLab(hex)!;
  let best: string | undefined;
  let bestDe = SNAP_DE;
  for (const p of measured) {
    const de = ciede2000(lab, p.lab);
    if (de < bestDe || (de === bestDe && best !== undefined && p.vote.hex < best)) [best, bestDe] = [p.vote.hex, de];
  }
  return best ?? hex;
}

/** The name the heaviest model in the winning cluster gave. */
function nameFor(winner: Candidate): string | undefined {
  return [...winner.votes].filter((v) => v.name).sort((a, b) => b.weight - a.weight || (a.extractor < b.extractor ? -1 : 1))[0]?.name;
}

/** Unroled colours grouped across extractors: at most one colour of each extractor per group. */
function matchAcrossExtractors(points: readonly Point[]): Point[][] {
  const groups: { anchor: Point; members: Point[] }[] = [];
  for (const p of byProminence(points)) {
    let best: { anchor: Point; members: Point[] } | undefined;
    let bestDe = MATCH_DE;
    for (const g of groups) {
      if (g.members.some((m) => m.vote.extractor === p.vote.extractor)) continue;
      const de = ciede2000(g.anchor.lab, p.lab);
      if (de < bestDe) [best, bestDe] = [g, de];
    }
    if (best) best.members.push(p);
    else groups.push({ anchor: p, members: [p] });
  }
  return groups.map((g) => g.members);
}

/** Votes in a canonical order, so the result never depends on the order they arrived in. */
function canonical(votes: readonly ColorVote[]): Point[] {
  const points: Point[] = [];
  for (const vote of votes) {
    const lab = hexToLab(vote.hex);
    if (lab && vote.weight > 0) points.push({ vote: { ...vote, hex: vote.hex.toLowerCase() }, lab });
  }
  return points.sort((a, b) => compare(a.vote, b.vote));
}

/** Most prominent first: measured share, then weight, then the canonical order. */
function byProminence(points: readonly Point[]): Point[] {
  return [...points].sort((a, b) => (b.vote.share ?? 0) - (a.vote.share ?? 0) || b.vote.weight - a.vote.weight || compare(a.vote, b.vote));
}

function compare(a: ColorVote, b: ColorVote): number {
  const keys: [string, string][] = [
    [a.extractor, b.extractor],
    [a.role ?? '', b.role ?? ''],
    [a.hex, b.hex],
    [a.name ?? '', b.name ?? ''],
  ];
  for (const [x, y] of keys) if (x !== y) return x < y ? -1 : 1;
  return 0;
}

function weightByExtractor(points: readonly Point[]): Map<string, number> {
  const weights = new Map<string, number>();
  for (const p of points) weights.set(p.vote.extractor, Math.max(weights.get(p.vote.extractor) ?? 0, p.vote.weight));
  return weights;
}

function paletteConfidence(colors: readonly ConsensusColor[]): number {
  if (colors.length === 0) return 0;
  // A colour nobody measured still counts a little: it is part of the palette shown.
  const weights = colors.map((c) => Math.max(c.share ?? 0, 0.01));
  return sum(colors.map((c, i) => c.confidence * weights[i]!)) / sum(weights);
}

const sum = (values: Iterable<number>): number => {
  let total = 0;
  for (const v of values) total += v;
  return total;
};
const deltaE = (a: string, b: string): number => ciede2000(hexToLab(a)!, hexToLab(b)!);
const roleRank = (role: Role | undefined): number => (role ? ROLES.indexOf(role) : ROLES.length);
