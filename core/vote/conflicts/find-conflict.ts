import { ciede2000 } from '../../color/index.ts';
import { MATCH_DE } from '../values/group-values.ts';
import { EVIDENCE, strength } from '../confidence/belief.ts';
import type { Testimony } from '../confidence/belief.ts';
import type { Witness } from '../independence/find-witnesses.ts';
import type { Role } from '../../palette/role.ts';
import type { RoleDecision } from '../roles/vote-roles.ts';
import type { ValueGroup } from '../values/group-values.ts';

/**
 * A winner whose evidence (log-odds, `strength`) leads a perceptibly different rival by less than
 * this is not settled: the least any one independent witness adds (a local model, EVIDENCE), so
 * one witness more or less could turn the vote. CV and a model against one hosted model is settled;
 * two hosted models against CV and one hosted model is not.
 */
export const SPLIT_LEAD = Math.min(...Object.values(EVIDENCE));
/**
 * Candidates closer than this are the same colour to a designer: one just-noticeable difference
 * (ΔE00 2.3, Sharma 2003). A split between two such colours is imprecision, not a conflict.
 */
export const PERCEPTIBLE_DE = 2.3;
/**
 * Roles a palette commonly gives several colours (the fixtures' truth does too): surfaces and
 * their levels, muted inks, borders, accents. Background, text, primary and its pair, the
 * secondary and the status colours are one colour each.
 */
const PLURAL_ROLES: ReadonlySet<Role> = new Set<Role>(['surface', 'text-muted', 'border', 'accent']);
/**
 * Roles a palette holds as a set of equals (a terminal's sixteen ANSI colours, a chart's series):
 * which member carries the role's name is a naming choice. A surface, a border or a muted ink says
 * where the colour is used, so naming the wrong one is an error the designer should see.
 */
const SET_ROLES: ReadonlySet<Role> = new Set<Role>(['accent']);
/** Under this belief the evidence leans against what the vote kept: the designer should look. */
export const DOUBT_BELOW = 0.5;

/**
 * Why a role's colour is a conflict, as a sentence for the designer, or undefined when it is not
 * one. A conflict is a material disagreement, one of:
 * - a split: a perceptibly different colour that could hold the role, whose witnesses' evidence
 *   (`strength`, log-odds by kind) comes within SPLIT_LEAD of the winner's (one model's slip
 *   against several kinds of evidence agreeing is settled, not flagged), backed by as many kinds of
 *   evidence as a winner CV chose (CV and a local model against two hosted models is settled:
 *   models of one kind learn from the same images and share their confusions), and with at least
 *   one witness who disputes the winner (for the roles a palette has several of, PLURAL_ROLES,
 *   naming another accent first while listing the winner too does not); on the roles a palette
 *   holds as a set (SET_ROLES), a rival that is in the palette anyway (`inPalette`: under another
 *   role, or a colour of its own) is not one either: whichever accent carries the name, the designer
 *   keeps both colours;
 * - a lone claim the evidence leans against (a belief under DOUBT_BELOW).
 */
export function roleConflict(decision: RoleDecision, beliefValue: number, inPalette: ReadonlySet<ValueGroup>): string | undefined {
  const { role, winner, tally, ballots } = decision;
  const witnessesOf = (g: ValueGroup) => ballots.filter((b) => b.group === g).map((b) => b.witness);
  const evidenceFor = (g: ValueGroup) => strength(witnessesOf(g));
  const kindsOf = (g: ValueGroup) => new Set(witnessesOf(g).map((w) => w.kind)).size;
  const cvChose = witnessesOf(winner).some((w) => w.kind === 'cv');
  // A palette holds several of some roles (a terminal's sixteen accents, a few surfaces): for a
  // colour CV measured, a witness that named another colour for one of those, and listed the
  // winner too without giving it another role, does not dispute it: it put a different accent
  // first. Naming a different background or text colour disputes it by itself, as does anything
  // said against a colour only models saw.
  const lenient = PLURAL_ROLES.has(role) && winner.measured;
  const listedWithoutOtherRole = (w: Witness) => {
    const own = winner.points.filter((p) => w.extractors.has(p.vote.extractor));
    return own.length > 0 && own.every((p) => p.vote.role === undefined || p.vote.role === role);
  };
  const disputes = (w: Witness) => !lenient || !listedWithoutOtherRole(w);
  const rivals = [...tally.keys()].filter(
    (g) =>
      g !== winner &&
      !(SET_ROLES.has(role) && winner.measured && inPalette.has(g)) &&
      ciede2000(g.lab, winner.lab) >= PERCEPTIBLE_DE &&
      witnessesOf(g).some(disputes) &&
      (!cvChose || kindsOf(g) >= kindsOf(winner)) &&
      evidenceFor(winner) - evidenceFor(g) < SPLIT_LEAD,
  );
  if (rivals.length > 0) {
    return `The voters split on ${role}: ${describe(winner, decision)} against ${rivals.map((g) => describe(g, decision)).join(', ')}.`;
  }
  const lone = ballots.filter((b) => b.group === winner).length < 2;
  if (lone && beliefValue < DOUBT_BELOW) return `Little evidence that ${winner.hex} is ${role}: most of the voters who answered said otherwise or nothing.`;
  return undefined;
}

/**
 * Closer than this (CIEDE2000), and at least MATCH_DE away (closer, it is the same colour), a colour
 * a model listed is its reading of one it left out: 5 is where the fixtures' scorer stops matching a
 * reported colour to a palette colour (precision@5).
 */
export const NEAR_DE = 5;
const isNear = (de: number): boolean => de >= MATCH_DE && de < NEAR_DE;

/**
 * A colour outside every role, flagged when the evidence leans against it, or when the models split
 * on its value: more of those that answered listed a different colour near it instead than listed
 * it (they saw that colour and read it as another: an edge blend, a shadow, a value misread). A
 * model that listed nothing near it only left it out: models list a screen's main colours, and
 * dropping a small one is an omission, not a verdict (the belief still counts that silence).
 */
export function presenceConflict(group: ValueGroup, beliefValue: number, testimony: Testimony, groups: readonly ValueGroup[]): string | undefined {
  const listing = testimony.support.filter((w) => w.kind !== 'cv').length;
  const near = listing > 0 ? groups.filter((g) => g !== group && isNear(ciede2000(g.lab, group.lab))) : [];
  const readOtherwise = testimony.silent.filter((w) => near.some((g) => g.points.some((p) => w.extractors.has(p.vote.extractor))));
  if (listing > 0 && readOtherwise.length > listing) return `Only ${listing} of the ${listing + testimony.silent.length} models that answered listed ${group.hex}; ${readOtherwise.length} listed a colour near it instead.`;
  if (beliefValue >= DOUBT_BELOW) return undefined;
  return group.measured
    ? `Few voters saw ${group.hex}: it may be an edge blend or a colour the models did not think part of the palette.`
    : `Only the models saw ${group.hex}; computer vision measured nothing near it.`;
}

function describe(group: ValueGroup, decision: RoleDecision): string {
  const who = decision.ballots.filter((b) => b.group === group).map((b) => b.witness.id);
  return `${group.hex} (${who.join(', ')})`;
}
