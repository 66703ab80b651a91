import type { Witness } from '../independence/find-witnesses.ts';
import type { ValueGroup } from '../values/group-values.ts';
import type { Testimony } from './belief.ts';

/** CV extractors holding more than this share of CV's weight must have seen a colour for CV to vouch for it. */
export const CV_MAJORITY = 0.5;

/**
 * Who said what on "this colour is in the palette": CV supports it when most of its weight measured
 * it, and dissents when none of it did (CV reads every pixel: a colour it found nowhere near is a
 * gradient, a photo or an invention); each model that listed it supports it; a model that answered
 * without it is silent.
 */
export function presenceTestimony(group: ValueGroup, witnesses: readonly Witness[]): Testimony {
  const support: Witness[] = [];
  const dissent: Witness[] = [];
  const silent: Witness[] = [];
  for (const w of witnesses) {
    if (w.echo) continue;
    if (w.kind === 'cv') {
      if (group.cvShare > CV_MAJORITY) support.push(w);
      else if (!group.measured) dissent.push(w);
      continue;
    }
    if (group.points.some((p) => w.extractors.has(p.vote.extractor))) support.push(w);
    else silent.push(w);
  }
  return { support, dissent, silent };
}
