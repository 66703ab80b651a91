import type { RunEvent, RunEventBody, Token } from '../../core/protocol/run-event.ts';
import { applyRunEvent, EMPTY_PROGRESS, type RunProgress } from '../../core/protocol/run-progress.ts';

/** Stamps bodies with the envelope, in order, `total_cost` as given per event (USD so far). */
export function stamp(bodies: readonly (RunEventBody & { total_cost?: number })[]): RunEvent[] {
  return bodies.map(({ total_cost, ...body }, seq) => ({ v: 1, run_id: 'run-1', seq, total_cost: total_cost ?? 0, ...body }) as RunEvent);
}

/** The progress a client would show after these events. */
export function progressOf(events: readonly RunEvent[]): RunProgress {
  return events.reduce(applyRunEvent, EMPTY_PROGRESS);
}

/** A consensus token as the stream carries it, measured by one extractor. */
export function token(hex: string, extra: Partial<Token> = {}): Token {
  return { hex, agreement: 1, confidence: 0.95, conflict: false, candidates: [{ hex, weight: 1, measured: true, votes: [{ extractor: 'flat-regions', weight: 1, hex }] }], ...extra };
}

/**
 * A run like the shipped configuration's: tier 1 and 2 landed, tier 3 under way (openai answered at
 * a cost, anthropic still running), tier 4 not started; the local model unconfigured.
 */
export const MID_RUN: readonly (RunEventBody & { total_cost?: number })[] = [
  {
    stage: 'accepted',
    max_cost: 0.1,
    images: 1,
    plan: [
      { extractor: 'flat-regions', tier: 1, kind: 'cv', estimated_cost: 0, will_run: true },
      { extractor: 'flat-regions-full', tier: 2, kind: 'cv', estimated_cost: 0, will_run: true },
      { extractor: 'local-vision', tier: 2, kind: 'local-model', model: 'qwen2.5vl:7b', estimated_cost: 0, will_run: false, code: 'NOT_CONFIGURED', reason: 'Set CHORUS_LOCAL_BASE_URL to use a local model.' },
      { extractor: 'openai', tier: 3, kind: 'hosted-model', model: 'gpt-4.1-mini', estimated_cost: 0.0035, will_run: true },
      { extractor: 'anthropic', tier: 3, kind: 'hosted-model', model: 'claude-haiku-5-5', estimated_cost: 0.001, will_run: true },
      { extractor: 'anthropic-deep', tier: 4, kind: 'hosted-model', model: 'claude-sonnet-5-5', estimated_cost: 0.02, will_run: true },
    ],
  },
  { stage: 'tier_started', tier: 1, extractors: ['flat-regions'] },
  { stage: 'extractor_done', extractor: 'flat-regions', tier: 1, status: 'done', duration_ms: 12.4, cost: 0, cached: false, votes: [] },
  { stage: 'tier_1_complete', tier: 1, tokens: { background: token('#282a36', { role: 'background', share: 0.8 }), text: token('#f8f8f2', { role: 'text', share: 0.01 }) }, confidence: 0.95 },
  { stage: 'extractor_done', extractor: 'local-vision', tier: 2, status: 'skipped', code: 'NOT_CONFIGURED', reason: 'Set CHORUS_LOCAL_BASE_URL to use a local model.', duration_ms: 0, cost: 0, cached: false, votes: [] },
  { stage: 'tier_started', tier: 2, extractors: ['flat-regions-full'] },
  { stage: 'extractor_done', extractor: 'flat-regions-full', tier: 2, status: 'done', duration_ms: 1500, cost: 0, cached: true, votes: [] },
  { stage: 'tier_2_complete', tier: 2, tokens: { background: token('#282a36', { role: 'background', share: 0.8 }), text: token('#f8f8f2', { role: 'text', share: 0.01 }), 'color-1': token('#bd93f9') }, confidence: 0.91 },
  { stage: 'tier_started', tier: 3, extractors: ['openai', 'anthropic'] },
  { stage: 'extractor_done', extractor: 'openai', tier: 3, status: 'done', duration_ms: 2300, cost: 0.00056, cached: false, votes: [], total_cost: 0.00056 },
];
