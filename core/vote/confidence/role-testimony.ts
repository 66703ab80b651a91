import type { Witness } from '../independence/find-witnesses.ts';
import type { RoleDecision } from '../roles/vote-roles.ts';
import type { ValueGroup } from '../values/group-values.ts';

/** Who said what on "which colour is this role". */
export interface RoleTestimony {
  /** The witnesses that put the role on the winner. */
  readonly support: readonly Witness[];
  /** Per other colour proposed for the role, the witnesses that put it there. */
  readonly rivals: readonly (readonly Witness[])[];
  /** Witnesses that said the winner is something else (another role, or "none fits") and proposed nothing for the role. */
  readonly dissent: readonly Witness[];
  /** Models that answered and neither gave the role nor listed the winner. */
  readonly silent: readonly Witness[];
}

/**
 * The testimony on a role decision. CV saying nothing about a role is no evidence (its role
 * inference names few roles), so CV is never silent; an echo says nothing at all.
 */
export function roleTestimony(decision: RoleDecision, witnesses: readonly Witness[]): RoleTestimony {
  const { winner, ballots } = decision;
  const byGroup = new Map<ValueGroup, Witness[]>();
  const dissent: Witness[] = [];
  const silent: Witness[] = [];
  for (const b of ballots) {
    // A ballot for a colour that cannot win (one model's unmeasured colour) names no real rival: it only says "not the winner", faintly.
    if (b.group === winner || decision.tally.has(b.group)) byGroup.set(b.group, [...(byGroup.get(b.group) ?? []), b.witness]);
    else silent.push(b.witness);
  }
  const voted = new Set(ballots.map((b) => b.witness));
  for (const w of witnesses) {
    if (w.echo || voted.has(w)) continue;
    if (winner.points.some((p) => w.extractors.has(p.vote.extractor))) dissent.push(w);
    else if (w.kind !== 'cv') silent.push(w);
  }
  return { support: byGroup.get(winner) ?? [], rivals: [...byGroup].filter(([g]) => g !== winner).map(([, ws]) => ws), dissent, silent };
}
