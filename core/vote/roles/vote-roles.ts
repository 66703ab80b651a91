import { ROLES, type Role } from '../../palette/role.ts';
import { CV_WITNESS, type Witness } from '../independence/find-witnesses.ts';
import { byProminence, sum, type Point } from '../private/point.ts';
import { ciede2000 } from '../../color/index.ts';
import { READING_DE, type ValueGroup } from '../values/group-values.ts';
import { SAME_VALUE_DE } from '../values/value-agreement.ts';
import { CV_MAJORITY } from '../confidence/presence-testimony.ts';
import { answerStrength } from '../confidence/belief.ts';

/** One witness's answer to "which colour is this role": a value, and the votes that said so. */
export interface Ballot {
  readonly witness: Witness;
  readonly group: ValueGroup;
  readonly points: readonly Point[];
}

/** The vote on one role. */
export interface RoleDecision {
  readonly role: Role;
  readonly winner: ValueGroup;
  /** Every ballot cast for the role, the winner's included. */
  readonly ballots: readonly Ballot[];
  /** Witness weight behind each colour that could win (measured, or named by two witnesses). */
  readonly tally: ReadonlyMap<ValueGroup, number>;
  /** Weight of the witnesses behind the winner ÷ weight of every ballot for a colour that could win (0–1). */
  readonly share: number;
}

/**
 * Independent witnesses this many or more, agreeing with each other, can overturn CV's role: one
 * model alone, however heavy, cannot (a single model swapping two neighbouring roles is a common
 * slip; two making the same one is evidence).
 */
export const OVERTURN_MIN_WITNESSES = 2;

/**
 * The roles question: every witness that assigned a role votes once for it (CV as one witness,
 * echoes not at all); the colour with the most evidence (log-odds by kind) wins, then the heaviest,
 * ties to CV's choice. A colour no
 * CV extractor measured can win only with two witnesses behind it, so one model's invention never
 * takes a role. Models overturn CV only with OVERTURN_MIN_WITNESSES agreeing and more evidence, and
 * only for a colour CV measured.
 */
export function voteRoles(groups: readonly ValueGroup[], witnesses: readonly Witness[]): RoleDecision[] {
  const groupOf = new Map<Point, ValueGroup>();
  for (const g of groups) for (const p of g.points) groupOf.set(p, g);
  const voters = witnesses.filter((w) => !w.echo);
  const mentions = new Map<ValueGroup, number>(groups.map((g) => [g, voters.filter((w) => g.points.some((p) => w.extractors.has(p.vote.extractor))).length]));
  const admissible = (g: ValueGroup) => g.measured || (mentions.get(g) ?? 0) >= OVERTURN_MIN_WITNESSES;

  const decisions: RoleDecision[] = [];
  for (const role of ROLES) {
    const ballots = settleReadings(
      voters.flatMap((w) => {
        const ballot = ballotOf(w, role, groups, groupOf);
        return ballot ? [ballot] : [];
      }),
    );
    const weights = new Map<ValueGroup, number>();
    for (const b of ballots) if (admissible(b.group)) weights.set(b.group, (weights.get(b.group) ?? 0) + b.witness.weight);
    if (weights.size === 0) continue;
    const cvChoice = ballots.find((b) => b.witness.id === CV_WITNESS)?.group;
    // The colour with the most evidence wins (log-odds by kind, as the confidence reads it): two
    // hosted models sharing a confusion do not outvote CV and a model of another kind by weight.
    const evidence = new Map([...weights.keys()].map((g) => [g, answerStrength(ballots.filter((b) => b.group === g).map((b) => b.witness), weights.size + 1)]));
    const ranked = [...weights].sort(
      ([a, wa], [b, wb]) =>
        evidence.get(b)! - evidence.get(a)! || wb - wa || Number(b === cvChoice) - Number(a === cvChoice) || (b.share ?? 0) - (a.share ?? 0) || a.index - b.index,
    );
    let winner = ranked[0]![0];
    // Values are CV's question: a colour no CV extractor measured does not replace the one CV measured and chose; it stays a candidate.
    if (cvChoice && admissible(cvChoice) && winner !== cvChoice && (!winner.measured || ballots.filter((b) => b.group === winner).length < OVERTURN_MIN_WITNESSES)) winner = cvChoice;
    decisions.push({
      role,
      winner,
      ballots,
      tally: weights,
      // A ballot for a colour that cannot enter (one model's unmeasured colour) is dissent, not a split.
      share: weights.get(winner)! / sum(weights.values()),
    });
  }
  return decisions;
}

/**
 * A model's reading that is not a copy of any measured value is imprecise: where another colour
 * proposed for the role by an exact ballot (CV's, or a model's copy) is nearer to the reading,
 * within READING_DE, the reading was meant for it. Without this, a model reading #222222 as
 * #22241c lands on a neighbouring edge blend CV also measured, and looks like a rival.
 */
function settleReadings(ballots: readonly Ballot[]): Ballot[] {
  const exact = (b: Ballot) => b.witness.kind === 'cv' || b.points.some((p) => isCopy(p, b.group));
  const anchors = [...new Set(ballots.filter(exact).map((b) => b.group))];
  return ballots.map((b) => {
    if (exact(b)) return b;
    const reading = b.points[0]!;
    let best: ValueGroup | undefined;
    let bestDe = READING_DE;
    for (const g of anchors) {
      const de = ciede2000(g.lab, reading.lab);
      if (de < bestDe) [best, bestDe] = [g, de];
    }
    return best ? { ...b, group: best } : b;
  });
}

/** The weight of every CV extractor of the vote (each counted once, at its weight). */
function cvWeight(groups: readonly ValueGroup[]): number {
  const weights = new Map<string, number>();
  for (const p of groups.flatMap((g) => g.points)) if (p.vote.measured) weights.set(p.vote.extractor, Math.max(weights.get(p.vote.extractor) ?? 0, p.vote.weight));
  return sum(weights.values());
}

/** The vote copies one of the colour's measured values (within SAME_VALUE_DE). */
const isCopy = (p: Point, group: ValueGroup): boolean =>
  group.measured && group.points.some((m) => m.vote.measured && ciede2000(m.lab, p.lab) < SAME_VALUE_DE);

/**
 * A witness's ballot for a role: the colour it gave the role. CV's extractors share one ballot, for
 * the colour most of their weight gave the role (each extractor's most prominent colour with it).
 */
function ballotOf(witness: Witness, role: Role, groups: readonly ValueGroup[], groupOf: ReadonlyMap<Point, ValueGroup>): Ballot | undefined {
  const own = groups.flatMap((g) => g.points).filter((p) => witness.extractors.has(p.vote.extractor) && p.vote.role === role);
  const firstPerExtractor = new Map<string, Point>();
  for (const p of byProminence(own)) if (!firstPerExtractor.has(p.vote.extractor)) firstPerExtractor.set(p.vote.extractor, p);
  const byGroup = new Map<ValueGroup, Point[]>();
  for (const p of firstPerExtractor.values()) {
    const g = groupOf.get(p)!;
    byGroup.set(g, [...(byGroup.get(g) ?? []), p]);
  }
  const chosen = [...byGroup].sort(
    ([a, pa], [b, pb]) => sum(pb.map((p) => p.vote.weight)) - sum(pa.map((p) => p.vote.weight)) || (b.share ?? 0) - (a.share ?? 0) || a.index - b.index,
  )[0];
  if (!chosen) return undefined;
  // What one CV extractor alone saw, or alone called this role, is an artefact of its method, not CV's answer.
  if (witness.id === CV_WITNESS && chosen[0].cvShare <= CV_MAJORITY && sum(chosen[1].map((p) => p.vote.weight)) <= CV_MAJORITY * cvWeight(groups)) return undefined;
  return { witness, group: chosen[0], points: chosen[1] };
}
