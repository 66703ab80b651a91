import type { RunEvent, Token } from '../../core/protocol/run-event.ts';
import type { FixtureTruth } from '../../test/fixtures/load-fixtures.ts';
import { judgeToken, roleRight, truthHolders, type JudgedToken } from './judge-token.ts';

/** The roles whose accuracy the issue asks for, in the fixtures' vocabulary. */
export const SCORED_ROLES = ['background', 'surface', 'text', 'primary'] as const;
/** Confidence bands of the reliability table: lower bounds, each band up to the next. */
export const BANDS = [0, 0.5, 0.6, 0.7, 0.8, 0.9] as const;

/** One finished run over one screen. */
export interface ScreenRun {
  readonly screen: string;
  readonly set: 'screens' | 'real';
  readonly truth: FixtureTruth;
  readonly events: readonly RunEvent[];
}

export interface Band {
  readonly from: number;
  readonly to: number;
  readonly colors: number;
  readonly meanConfidence: number;
  readonly accuracy: number;
}

/** The figures of one setting (CV alone, or the ensemble) over a set of runs. */
export interface PanelFigures {
  readonly runs: number;
  /** Per scored role: screens whose truth has it, and how many the consensus got right. */
  readonly roles: Readonly<Record<(typeof SCORED_ROLES)[number], { readonly screens: number; readonly right: number }>>;
  readonly colors: number;
  readonly wrong: number;
  readonly flagged: number;
  readonly flaggedWrong: number;
  readonly meanConfidenceRight: number;
  readonly meanConfidenceWrong: number;
  readonly bands: readonly Band[];
  /** Expected calibration error: Σ over bands of (colours in band ÷ colours) × |accuracy − mean confidence|. */
  readonly calibrationError: number;
  /** Per tier that ran, the mean palette confidence of `tier_N_complete` over the runs. */
  readonly tierConfidence: readonly { readonly tier: number; readonly confidence: number }[];
  /** Per extractor, how often it ended each way (done, skipped, failed…). */
  readonly statuses: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/** Judges every colour of every run's final consensus and sums the figures. */
export function panelFigures(runs: readonly ScreenRun[]): PanelFigures {
  const judged: JudgedToken[] = [];
  const roles = Object.fromEntries(SCORED_ROLES.map((r) => [r, { screens: 0, right: 0 }])) as Record<(typeof SCORED_ROLES)[number], { screens: number; right: number }>;
  const tiers = new Map<number, number[]>();
  const statuses: Record<string, Record<string, number>> = {};
  for (const run of runs) {
    const tokens = finalTokens(run);
    judged.push(...Object.values(tokens).map((t) => judgeToken(t, run.truth)));
    for (const role of SCORED_ROLES) {
      if (truthHolders(run.truth, role).length === 0) continue;
      roles[role].screens++;
      if (roleRight(tokens, role, run.truth)) roles[role].right++;
    }
    for (const e of run.events) {
      if (e.stage === 'tier_1_complete' || e.stage === 'tier_2_complete' || e.stage === 'tier_3_complete' || e.stage === 'tier_4_complete') tiers.set(e.tier, [...(tiers.get(e.tier) ?? []), e.confidence]);
      if (e.stage === 'extractor_done') {
        const counts = (statuses[e.extractor] ??= {});
        counts[e.status] = (counts[e.status] ?? 0) + 1;
      }
    }
  }
  const right = judged.filter((j) => j.right);
  const wrong = judged.filter((j) => !j.right);
  const bands = BANDS.map((from, i): Band => {
    const to = BANDS[i + 1] ?? 1.0001;
    const inBand = judged.filter((j) => j.confidence >= from && j.confidence < to);
    return { from, to: Math.min(to, 1), colors: inBand.length, meanConfidence: mean(inBand.map((j) => j.confidence)), accuracy: mean(inBand.map((j) => (j.right ? 1 : 0))) };
  });
  return {
    runs: runs.length,
    roles,
    colors: judged.length,
    wrong: wrong.length,
    flagged: judged.filter((j) => j.flagged).length,
    flaggedWrong: wrong.filter((j) => j.flagged).length,
    meanConfidenceRight: mean(right.map((j) => j.confidence)),
    meanConfidenceWrong: mean(wrong.map((j) => j.confidence)),
    bands,
    calibrationError: judged.length === 0 ? 0 : bands.reduce((s, b) => s + (b.colors / judged.length) * Math.abs(b.accuracy - b.meanConfidence), 0),
    tierConfidence: [...tiers].sort((a, b) => a[0] - b[0]).map(([tier, values]) => ({ tier, confidence: mean(values) })),
    statuses,
  };
}

/** The tokens of the run's `complete` event; throws naming the screen when the run did not complete. */
export function finalTokens(run: ScreenRun): Readonly<Record<string, Token>> {
  const complete = run.events.find((e) => e.stage === 'complete');
  if (!complete || complete.stage !== 'complete') throw new Error(`the run on ${run.screen} did not complete: ${run.events.at(-1)?.stage ?? 'no events'}`);
  return complete.tokens;
}

const mean = (values: readonly number[]): number => (values.length === 0 ? 0 : values.reduce((s, v) => s + v, 0) / values.length);
