import { ciede2000, hexToLab } from '../../core/color/index.ts';
import type { ConsensusColor } from '../../core/vote/consensus.ts';
import type { FixtureTruth } from '../../test/fixtures/load-fixtures.ts';
import { fixtureRoleOf } from './fixture-roles.ts';

/** Within this ΔE00 a consensus value is the truth colour: the scorer's recall threshold. */
export const RIGHT_DE = 3;

/**
 * - `right`: a roled colour within RIGHT_DE of a truth colour holding that role (in its `roles`),
 *   or an unroled colour within RIGHT_DE of any truth colour.
 * - `wrong-value`: the truth has the role, on a colour RIGHT_DE or more away.
 * - `role-not-in-truth`: no truth colour holds the role (e.g. `accent`, or `info` on a screen without one).
 * - `not-in-truth`: an unroled colour RIGHT_DE or more from every truth colour.
 */
export type Verdict = 'right' | 'wrong-value' | 'role-not-in-truth' | 'not-in-truth';

export interface JudgedColor {
  readonly roled: boolean;
  readonly flagged: boolean;
  readonly verdict: Verdict;
  /** Wrong, and one of its candidates would have been right: picking it in review fixes the colour. */
  readonly candidateFixes: boolean;
  /** A CV extractor voted the winning value (for this role, if any): CV's call, not the models' alone. */
  readonly cvBacked: boolean;
}

/** One consensus colour against the screen's truth. */
export function judgeColor(color: ConsensusColor, truth: FixtureTruth): JudgedColor {
  const fixtureRole = color.role ? fixtureRoleOf(color.role) : undefined;
  const holders = color.role ? truth.colors.filter((t) => fixtureRole !== undefined && t.roles.includes(fixtureRole)) : truth.colors;
  const near = (hex: string) => holders.some((t) => deltaE(hex, t.hex) < RIGHT_DE);
  const verdict: Verdict = near(color.hex) ? 'right' : color.role === undefined ? 'not-in-truth' : holders.length === 0 ? 'role-not-in-truth' : 'wrong-value';
  return {
    roled: color.role !== undefined,
    flagged: color.conflict,
    verdict,
    candidateFixes: verdict !== 'right' && color.candidates.some((c) => near(c.hex)),
    cvBacked: color.candidates[0]?.measured ?? false,
  };
}

const deltaE = (a: string, b: string): number => ciede2000(hexToLab(a)!, hexToLab(b)!);
