import { ciede2000, hexToLab } from '../../core/color/index.ts';
import type { Token } from '../../core/protocol/run-event.ts';
import type { FixtureTruth } from '../../test/fixtures/load-fixtures.ts';
import { fixtureRoleOf } from './fixture-roles.ts';

/** Within this ΔE00 a consensus value is the truth colour: the scorer's recall threshold. */
export const RIGHT_DE = 3;

/** One consensus colour judged against its screen's truth. */
export interface JudgedToken {
  readonly right: boolean;
  readonly roled: boolean;
  readonly flagged: boolean;
  readonly confidence: number;
}

/**
 * Right when a colour with a role is within RIGHT_DE of a truth colour holding that role (any of
 * its `roles`), or a colour without one is within RIGHT_DE of any truth colour. Everything else is
 * wrong: a role on the wrong colour, a role the screen does not have, a colour not on it.
 */
export function judgeToken(token: Token, truth: FixtureTruth): JudgedToken {
  const role = token.role ? fixtureRoleOf(token.role) : undefined;
  const holders = role ? truth.colors.filter((t) => t.roles.includes(role)) : truth.colors;
  const lab = hexToLab(token.hex)!;
  return {
    right: holders.some((t) => ciede2000(lab, hexToLab(t.hex)!) < RIGHT_DE),
    roled: token.role !== undefined,
    flagged: token.conflict,
    confidence: token.confidence,
  };
}

/** The truth colour holding `role` (fixture vocabulary), most prominent first; undefined when the screen has none. */
export function truthHolders(truth: FixtureTruth, role: string): readonly string[] {
  return truth.colors.filter((t) => t.roles.includes(role)).map((t) => t.hex);
}

/** The role is right when the consensus gives it to a colour within RIGHT_DE of a truth colour holding it. */
export function roleRight(tokens: Readonly<Record<string, Token>>, role: string, truth: FixtureTruth): boolean {
  const token = Object.values(tokens).find((t) => t.role !== undefined && fixtureRoleOf(t.role) === role);
  if (!token) return false;
  const lab = hexToLab(token.hex)!;
  return truthHolders(truth, role).some((hex) => ciede2000(lab, hexToLab(hex)!) < RIGHT_DE);
}
