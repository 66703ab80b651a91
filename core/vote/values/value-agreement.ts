import { ciede2000 } from '../../color/index.ts';
import { CV_WITNESS, type Witness } from '../independence/find-witnesses.ts';
import { sum, type Point } from '../private/point.ts';
import { maxWeightByExtractor, SAME_VALUE_DE, type ValueGroup } from './group-values.ts';

export { SAME_VALUE_DE } from './group-values.ts';

/**
 * For a colour no CV extractor measured, a reading this close to the models' mean agrees with it:
 * one just-noticeable difference (ΔE00 2.3, Sharma 2003); there is no exact value to copy.
 */
export const UNMEASURED_SPREAD_DE = 2.3;

/**
 * Of the weight supporting a colour, the share that gave its exact value (0–1). This is the values
 * question, so every CV extractor that measured the colour counts with its own weight (each is a
 * measurement of those pixels; independence is the confidence's business); a model counts with its
 * weight when its reading is within SAME_VALUE_DE of one of the measured hexes. Imprecision lowers
 * this, never flags.
 */
export function valueAgreement(group: ValueGroup, allSupport: readonly { readonly witness: Witness; readonly points: readonly Point[] }[]): number {
  const measuring = maxWeightByExtractor(group.points.filter((p) => p.vote.measured));
  const weightOf = (s: (typeof support)[number]) => (s.witness.id === CV_WITNESS ? sum([...measuring.values()]) : s.witness.weight);
  // A model that reads every value itself never gives an exact one: its imprecision is no disagreement on this colour's value.
  const support = group.measured ? allSupport.filter((s) => !s.witness.readsItself) : allSupport;
  const total = sum(support.map(weightOf));
  if (total === 0) return allSupport.length > 0 ? 1 : 0;
  // Nothing measured it: its value is the models' mean reading, as precise as their readings are close to it.
  const within = group.measured ? SAME_VALUE_DE : UNMEASURED_SPREAD_DE;
  const references = group.measured ? group.points.filter((p) => p.vote.measured) : [{ lab: group.lab }];
  const exact = support.filter((s) => s.witness.id === CV_WITNESS || s.points.some((p) => references.some((r) => ciede2000(r.lab, p.lab) < within)));
  return sum(exact.map(weightOf)) / total;
}
