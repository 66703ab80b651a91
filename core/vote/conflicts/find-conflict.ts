import { ciede2000 } from '../../color/index.ts';
import type { RoleDecision } from '../roles/vote-roles.ts';
import type { ValueGroup } from '../values/group-values.ts';

/** Under this share of the role's witness weight the role is split: no colour has a clear majority. */
export const CONFLICT_BELOW = 0.6;
/**
 * Candidates closer than this are the same colour to a designer: one just-noticeable difference
 * (ΔE00 2.3, Sharma 2003). A split between two such colours is imprecision, not a conflict.
 */
export const PERCEPTIBLE_DE = 2.3;
/** Under this belief the evidence leans against what the vote kept: the designer should look. */
export const DOUBT_BELOW = 0.5;

/**
 * Why a role's colour is a conflict, as a sentence for the designer, or undefined when it is not
 * one. A conflict is a material disagreement, one of:
 * - a split: under CONFLICT_BELOW of the weight behind the winner, against a perceptibly different
 *   colour that two independent witnesses back, or that outweighs a winner only one backs (one
 *   model's slip against several agreeing witnesses is settled by the vote, not flagged);
 * - a lone claim the evidence leans against (a belief under DOUBT_BELOW).
 */
export function roleConflict(decision: RoleDecision, beliefValue: number, backers: (group: ValueGroup) => number): string | undefined {
  const { role, winner, tally, share } = decision;
  const lone = backers(winner) < 2;
  const rivals = [...tally.keys()].filter(
    (g) => g !== winner && ciede2000(g.lab, winner.lab) >= PERCEPTIBLE_DE && (backers(g) >= 2 || (lone && tally.get(g)! > tally.get(winner)!)),
  );
  if (share < CONFLICT_BELOW && rivals.length > 0) {
    return `The voters split on ${role}: ${describe(winner, decision)} against ${rivals.map((g) => describe(g, decision)).join(', ')}.`;
  }
  if (lone && beliefValue < DOUBT_BELOW) return `Little evidence that ${winner.hex} is ${role}: most of the voters who answered said otherwise or nothing.`;
  return undefined;
}

/** A colour outside every role, flagged when the evidence leans against it. */
export function presenceConflict(group: ValueGroup, beliefValue: number): string | undefined {
  if (beliefValue >= DOUBT_BELOW) return undefined;
  return group.measured
    ? `Few voters saw ${group.hex}: it may be an edge blend or a colour the models did not think part of the palette.`
    : `Only the models saw ${group.hex}; computer vision measured nothing near it.`;
}

function describe(group: ValueGroup, decision: RoleDecision): string {
  const who = decision.ballots.filter((b) => b.group === group).map((b) => b.witness.id);
  return `${group.hex} (${who.join(', ')})`;
}
