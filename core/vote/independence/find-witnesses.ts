import type { Point } from '../private/point.ts';
import type { VoterKind } from '../voter-kind.ts';
import { isEcho } from './is-echo.ts';
import { readsItself } from './reads-itself.ts';

/** The one witness all CV extractors of a vote form. */
export const CV_WITNESS = 'cv';

/**
 * An independent source of evidence. Every CV extractor reads the same pixels with the same role
 * inference, so together they are one witness (weighted as the most trusted of them, not their
 * sum); each model is a witness of its own, unless it only echoed the measured list.
 */
export interface Witness {
  readonly id: string;
  readonly kind: VoterKind;
  readonly weight: number;
  /**
   * How much more or less than its kind's usual evidence this witness's testimony counts (1 as
   * configured; 0.25–4 when the designer's review decisions taught the client otherwise).
   */
  readonly trust: number;
  readonly extractors: ReadonlySet<string>;
  /** A model that repeated the measured list: its names are used, its agreement is not counted. */
  readonly echo: boolean;
  /** A model that copied no measured value: its readings are not counted against a colour's exact value (see readsItself). */
  readonly readsItself: boolean;
}

/**
 * The independence question: who is a witness of its own. `kinds` says what each extractor is;
 * an extractor it does not list is CV when its votes are measured and a hosted model otherwise.
 */
export function findWitnesses(points: readonly Point[], kinds: ReadonlyMap<string, VoterKind>, trust: ReadonlyMap<string, number> = new Map()): Witness[] {
  const trustOf = (extractor: string) => trust.get(extractor) ?? 1;
  const byExtractor = new Map<string, Point[]>();
  for (const p of points) byExtractor.set(p.vote.extractor, [...(byExtractor.get(p.vote.extractor) ?? []), p]);
  const kindOf = (extractor: string, ps: readonly Point[]): VoterKind => kinds.get(extractor) ?? (ps.some((p) => p.vote.measured) ? 'cv' : 'hosted-model');

  const measured = points.filter((p) => p.vote.measured);
  const cv = [...byExtractor].filter(([extractor, ps]) => kindOf(extractor, ps) === 'cv');
  const witnesses: Witness[] = [];
  if (cv.length > 0) {
    witnesses.push({ id: CV_WITNESS, kind: 'cv', weight: Math.max(...cv.flatMap(([, ps]) => ps.map((p) => p.vote.weight))), trust: Math.max(...cv.map(([e]) => trustOf(e))), extractors: new Set(cv.map(([e]) => e)), echo: false, readsItself: false });
  }
  for (const [extractor, ps] of byExtractor) {
    const kind = kindOf(extractor, ps);
    if (kind === 'cv') continue;
    witnesses.push({ id: extractor, kind, weight: Math.max(...ps.map((p) => p.vote.weight)), trust: trustOf(extractor), extractors: new Set([extractor]), echo: isEcho(ps, measured), readsItself: readsItself(ps, measured) });
  }
  return witnesses.sort((a, b) => (a.id === CV_WITNESS ? -1 : b.id === CV_WITNESS ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
