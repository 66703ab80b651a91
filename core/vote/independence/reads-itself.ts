import { ciede2000 } from '../../color/index.ts';
import type { Point } from '../private/point.ts';
import { SAME_VALUE_DE } from '../values/group-values.ts';
import { ECHO_MIN_COLORS } from './is-echo.ts';

/**
 * True when a model's answer copies none of the measured values although it lists several colours:
 * it reads every value itself (a small local model does), so its being a few ΔE off a colour says
 * how precisely it reads, not that it disagrees about that colour's value. An answer of fewer than
 * ECHO_MIN_COLORS colours says too little to tell: one reading a little off is taken at its word.
 */
export function readsItself(answer: readonly Point[], measured: readonly Point[]): boolean {
  if (new Set(answer.map((p) => p.vote.hex)).size < ECHO_MIN_COLORS) return false;
  return answer.every((p) => measured.every((m) => ciede2000(m.lab, p.lab) >= SAME_VALUE_DE));
}
