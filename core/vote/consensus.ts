import { ciede2000 } from '../color/index.ts';
import { ROLES, type Role } from '../palette/role.ts';
import type { ColorVote } from './color-vote.ts';
import { belief, confidenceOf, posterior } from './confidence/belief.ts';
import { presenceTestimony, CV_MAJORITY } from './confidence/presence-testimony.ts';
import { roleTestimony, type RoleTestimony } from './confidence/role-testimony.ts';
import { presenceConflict, roleConflict } from './conflicts/find-conflict.ts';
import { findWitnesses, type Witness } from './independence/find-witnesses.ts';
import { nameOf } from './names/name-of.ts';
import { canonicalPoints, type Point } from './private/point.ts';
import { voteRoles, type RoleDecision } from './roles/vote-roles.ts';
import { groupValues, MATCH_DE, type ValueGroup } from './values/group-values.ts';
import { valueAgreement } from './values/value-agreement.ts';
import type { VoterKind } from './voter-kind.ts';

/** One distinct colour proposed, with who proposed it. */
export interface Candidate {
  readonly hex: string;
  /** Weight of the independent witnesses behind it (CV counts once, as its most trusted extractor). */
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
  /** Of the witnesses supporting it, the weight that gave its exact value (0–1). */
  readonly agreement: number;
  /** How likely the colour (its value, and its role if it has one) is right, 0–0.95; calibrated by the consensus bench. */
  readonly confidence: number;
  /** A material disagreement the designer should settle: pick among `candidates`. */
  readonly conflict: boolean;
  /** Why it is a conflict, in a sentence; only on conflicts. */
  readonly reason?: string;
  /** The kinds of evidence that support it. */
  readonly evidence: readonly VoterKind[];
  /** Every colour proposed, the winner first, then most weight first. */
  readonly candidates: readonly Candidate[];
}

export interface Consensus {
  /** Most prominent first. */
  readonly colors: readonly ConsensusColor[];
  /** Share-weighted mean confidence of the palette, 0 for an empty vote. */
  readonly confidence: number;
}

export interface ConsensusOptions {
  /** What each extractor is. Unlisted: CV when its votes are measured, else a hosted model. */
  readonly kinds?: ReadonlyMap<string, VoterKind>;
  /**
   * How much each extractor's testimony counts against its kind's usual evidence (0.25–4, e.g. the
   * request's `weights`, learned from the designer's review decisions). Unlisted: 1.
   */
  readonly trust?: ReadonlyMap<string, number>;
}

/**
 * The vote, three questions answered by who can answer them (DESIGN.md): values from CV's
 * measurements (values/), roles by every independent witness that assigned one (independence/,
 * roles/), names from the models (names/); then how sure it is (confidence/) and whether the
 * designer must decide (conflicts/). A colour stands when it wins a role, or when most of CV's
 * weight measured it, or when two independent models named it. Deterministic and independent of
 * the order of the votes; votes with an unreadable hex are ignored.
 */
export function consensus(votes: readonly ColorVote[], options: ConsensusOptions = {}): Consensus {
  const points = canonicalPoints(votes);
  if (points.length === 0) return { colors: [], confidence: 0 };
  const groups = groupValues(points);
  const witnesses = findWitnesses(points, options.kinds ?? new Map(), options.trust);
  const decisions = voteRoles(groups, witnesses).flatMap((decision) => {
    const testimony = roleTestimony(decision, witnesses);
    return unconfirmed(testimony) ? [] : [{ decision, testimony }];
  });

  const roled = new Set(decisions.map(({ decision }) => decision.winner));
  // Outside the roles, the colours that stand (a near twin of a colour already placed in a role is not one: the role's vote decided it).
  const plain = groups.filter((group) => !roled.has(group) && stands(group, witnesses) && !decisions.some(({ decision }) => ciede2000(group.lab, decision.winner.lab) < MATCH_DE));
  const inPalette = new Set([...roled, ...plain]);
  const colors: ConsensusColor[] = [
    ...decisions.map(({ decision, testimony }) => roleColor(decision, testimony, witnesses, inPalette)),
    ...plain.map((group) => plainColor(group, witnesses, groups)),
  ];

  colors.sort((a, b) => (b.share ?? -1) - (a.share ?? -1) || roleRank(a.role) - roleRank(b.role) || (a.hex < b.hex ? -1 : a.hex > b.hex ? 1 : 0));
  let n = 0;
  const keyed = colors.map((c) => (c.role ? c : { ...c, key: `color-${++n}` }));
  return { colors: keyed, confidence: paletteConfidence(keyed) };
}

/**
 * Models that answered and left a question unanswered this many times or more have said "not this"
 * together: one model leaving a colour out is an omission (models drop about one in ten), two
 * doing it is a verdict.
 */
export const SILENT_VERDICT = 2;

/**
 * A role only CV gave, that none of the models who answered gave anywhere, while one of them said
 * its colour is something else or SILENT_VERDICT of them left it out: the models, who read roles
 * better than CV's inference, did not confirm it, so the vote drops the role (the colour may still
 * stand without it). With no model answering, CV's role stands at CV's confidence.
 */
function unconfirmed(testimony: RoleTestimony): boolean {
  if (testimony.rivals.length > 0 || testimony.support.some((w) => w.kind !== 'cv')) return false;
  return testimony.dissent.some((w) => w.kind !== 'cv') || testimony.silent.length >= SILENT_VERDICT;
}

function roleColor(decision: RoleDecision, testimony: RoleTestimony, witnesses: readonly Witness[], inPalette: ReadonlySet<ValueGroup>): ConsensusColor {
  const { role, winner, ballots } = decision;
  const p = posterior(testimony.support, testimony.rivals, testimony);
  const reason = roleConflict(decision, p, inPalette);
  const groups = [...new Set(ballots.map((b) => b.group))];
  const candidates = groups.map((g) => candidate(g, ballots.filter((b) => b.group === g).map((b) => ({ weight: b.witness.weight, points: b.points }))));
  const name = nameOf(winner, role, witnesses);
  const agreement = valueAgreement(winner, ballots.filter((b) => b.group === winner));
  return {
    key: role,
    role,
    hex: winner.hex,
    ...(name ? { name } : {}),
    ...(winner.share !== undefined ? { share: winner.share } : {}),
    agreement,
    confidence: round(confidenceOf(p, agreement)),
    conflict: reason !== undefined,
    ...(reason ? { reason } : {}),
    evidence: kinds(testimony.support),
    candidates: ordered(candidates, winner.hex),
  };
}

function plainColor(group: ValueGroup, witnesses: readonly Witness[], groups: readonly ValueGroup[]): ConsensusColor {
  const testimony = presenceTestimony(group, witnesses);
  const p = belief(testimony);
  const reason = presenceConflict(group, p, testimony, groups);
  const support = testimony.support.map((witness) => ({ witness, points: group.points.filter((pt) => witness.extractors.has(pt.vote.extractor)) }));
  const agreement = valueAgreement(group, support);
  const name = nameOf(group, undefined, witnesses);
  return {
    key: '',
    hex: group.hex,
    ...(name ? { name } : {}),
    ...(group.share !== undefined ? { share: group.share } : {}),
    agreement,
    confidence: round(confidenceOf(p, agreement)),
    conflict: reason !== undefined,
    ...(reason ? { reason } : {}),
    evidence: kinds(testimony.support),
    candidates: [candidate(group, support.map((s) => ({ weight: s.witness.weight, points: s.points })))],
  };
}

/**
 * Outside every role, a colour stands when two independent models named it, or when most of CV's
 * weight measured it and the models did not reject it together: models list a screen's palette,
 * so a measured colour SILENT_VERDICT of them left out, with none listing it, is an edge blend, a
 * shadow or noise, not a palette colour. With fewer models answering, CV's majority decides.
 */
function stands(group: ValueGroup, witnesses: readonly Witness[]): boolean {
  const models = witnesses.filter((w) => !w.echo && w.kind !== 'cv');
  const naming = models.filter((w) => group.points.some((p) => w.extractors.has(p.vote.extractor)));
  if (naming.length >= 2) return true;
  return group.cvShare > CV_MAJORITY && (naming.length > 0 || models.length < SILENT_VERDICT);
}

function candidate(group: ValueGroup, backing: readonly { readonly weight: number; readonly points: readonly Point[] }[]): Candidate {
  return {
    hex: group.hex,
    weight: backing.reduce((s, b) => s + b.weight, 0),
    measured: group.measured,
    votes: backing
      .flatMap((b) => b.points)
      .map((p) => ({ extractor: p.vote.extractor, weight: p.vote.weight, hex: p.vote.hex, ...(p.vote.name ? { name: p.vote.name } : {}) }))
      .sort((a, b) => (a.extractor < b.extractor ? -1 : a.extractor > b.extractor ? 1 : a.hex < b.hex ? -1 : a.hex > b.hex ? 1 : 0)),
  };
}

const ordered = (candidates: readonly Candidate[], winner: string): Candidate[] =>
  [...candidates].sort((a, b) => Number(b.hex === winner) - Number(a.hex === winner) || b.weight - a.weight || (a.hex < b.hex ? -1 : 1));

const kinds = (witnesses: readonly Witness[]): VoterKind[] => {
  const order: readonly VoterKind[] = ['cv', 'local-model', 'hosted-model'];
  return order.filter((k) => witnesses.some((w) => w.kind === k));
};

function paletteConfidence(colors: readonly ConsensusColor[]): number {
  if (colors.length === 0) return 0;
  // A colour nobody measured still counts a little: it is part of the palette shown.
  const weights = colors.map((c) => Math.max(c.share ?? 0, 0.01));
  return colors.reduce((s, c, i) => s + c.confidence * weights[i]!, 0) / weights.reduce((s, w) => s + w, 0);
}

const round = (value: number): number => Number(value.toFixed(6));
const roleRank = (role: Role | undefined): number => (role ? ROLES.indexOf(role) : ROLES.length);
