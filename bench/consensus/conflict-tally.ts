import type { JudgedColor } from './judge-color.ts';

/** Counts over a set of consensus colours (one run over the fixtures). */
export interface ConflictTally {
  readonly colors: number;
  readonly roled: number;
  /** Roled colours whose value or role is wrong (`wrong-value` + `role-not-in-truth`). */
  readonly roledWrong: number;
  readonly roledWrongValue: number;
  readonly roledRoleAbsent: number;
  readonly unroled: number;
  /** Unroled colours 3 ΔE00 or more from every truth colour. */
  readonly unroledWrong: number;
  /** Colours the vote flagged as conflicts, roled or not. */
  readonly flagged: number;
  /** Flagged colours that are wrong (any verdict but `right`). */
  readonly flaggedWrong: number;
  /** Flagged and wrong, with a right candidate the designer can pick. */
  readonly flaggedFixable: number;
  readonly flaggedRoledWrong: number;
  /** Roled, wrong, and not flagged: an error the designer is not told about. */
  readonly unflaggedRoledWrong: number;
  /** Of those, the ones where a CV extractor voted the winning value for the role. */
  readonly unflaggedRoledWrongCv: number;
}

export function tallyConflicts(judged: readonly JudgedColor[]): ConflictTally {
  const count = (test: (j: JudgedColor) => boolean) => judged.filter(test).length;
  const wrong = (j: JudgedColor) => j.verdict !== 'right';
  return {
    colors: judged.length,
    roled: count((j) => j.roled),
    roledWrong: count((j) => j.roled && wrong(j)),
    roledWrongValue: count((j) => j.verdict === 'wrong-value'),
    roledRoleAbsent: count((j) => j.verdict === 'role-not-in-truth'),
    unroled: count((j) => !j.roled),
    unroledWrong: count((j) => j.verdict === 'not-in-truth'),
    flagged: count((j) => j.flagged),
    flaggedWrong: count((j) => j.flagged && wrong(j)),
    flaggedFixable: count((j) => j.flagged && j.candidateFixes),
    flaggedRoledWrong: count((j) => j.flagged && j.roled && wrong(j)),
    unflaggedRoledWrong: count((j) => !j.flagged && j.roled && wrong(j)),
    unflaggedRoledWrongCv: count((j) => !j.flagged && j.roled && wrong(j) && j.cvBacked),
  };
}
