import type { Witness } from '../independence/find-witnesses.ts';
import type { RoleDecision } from '../roles/vote-roles.ts';
import type { Testimony } from './belief.ts';

/**
 * Who said what on "the winner is this role": support is every ballot on it; dissent is a ballot
 * on another colour, or the winner given another role; silence is a model that answered and
 * neither gave the role nor said what the winner is. CV saying nothing about a role is no
 * evidence (its role inference names few roles), so CV is never silent.
 */
export function roleTestimony(decision: RoleDecision, witnesses: readonly Witness[]): Testimony {
  const { winner, ballots, role } = decision;
  const support = ballots.filter((b) => b.group === winner).map((b) => b.witness);
  const voted = new Set(ballots.map((b) => b.witness));
  const dissent = ballots.filter((b) => b.group !== winner).map((b) => b.witness);
  const silent: Witness[] = [];
  for (const w of witnesses) {
    if (w.echo || voted.has(w)) continue;
    const other = winner.points.some((p) => w.extractors.has(p.vote.extractor) && p.vote.role !== undefined && p.vote.role !== role);
    if (other) dissent.push(w);
    else if (w.kind !== 'cv') silent.push(w);
  }
  return { support, dissent, silent };
}
