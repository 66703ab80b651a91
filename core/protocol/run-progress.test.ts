import { describe, expect, it } from 'vitest';
import { applyRunEvent, EMPTY_PROGRESS } from './run-progress.ts';
import type { RunEvent } from './run-event.ts';

const env = (seq: number, total_cost = 0) => ({ v: 1 as const, run_id: 'r1', seq, total_cost });
const events: RunEvent[] = [
  {
    ...env(0),
    stage: 'accepted',
    max_cost: 0.1,
    images: 1,
    plan: [
      { extractor: 'flat-regions', tier: 1, kind: 'cv', estimated_cost: 0, will_run: false, code: 'CLIENT_VOTES', reason: 'sent' },
      { extractor: 'openai', tier: 3, kind: 'hosted-model', model: 'gpt', estimated_cost: 0.003, will_run: true },
    ],
  },
  { ...env(1), stage: 'tier_started', tier: 3, extractors: ['openai'] },
  { ...env(2, 0.0005), stage: 'extractor_done', extractor: 'openai', tier: 3, status: 'done', duration_ms: 900, cost: 0.0005, cached: false, votes: [] },
  { ...env(3, 0.0005), stage: 'tier_3_complete', tier: 3, tokens: { primary: { hex: '#0d6efd', agreement: 1, confidence: 0.95, conflict: false, candidates: [] } }, confidence: 0.95 },
  { ...env(4, 0.0005), stage: 'complete', tokens: { primary: { hex: '#0d6efd', agreement: 1, confidence: 0.95, conflict: false, candidates: [] } }, confidence: 0.95, duration_ms: 1000 },
];

describe('applyRunEvent', () => {
  it('follows a run from the plan to completion', () => {
    const states = events.reduce<(typeof EMPTY_PROGRESS)[]>((list, e) => [...list, applyRunEvent(list.at(-1) ?? EMPTY_PROGRESS, e)], []);
    expect(states[0]!.extractors.map((e) => [e.id, e.state, e.code])).toEqual([
      ['flat-regions', 'skipped', 'CLIENT_VOTES'],
      ['openai', 'pending', undefined],
    ]);
    expect(states[1]!.extractors[1]!.state).toBe('running');
    expect(states[2]!.extractors[1]).toMatchObject({ state: 'done', cost: 0.0005, durationMs: 900 });
    expect(states[3]!.tiers.map((t) => t.tier)).toEqual([3]);
    expect(states[4]).toMatchObject({ status: 'complete', totalCost: 0.0005, confidence: 0.95, runId: 'r1', maxCost: 0.1 });
  });

  it('marks a cancelled run as cancelled and a failed one as failed', () => {
    expect(applyRunEvent(EMPTY_PROGRESS, { ...env(9), stage: 'error', code: 'CANCELLED', message: 'x' }).status).toBe('cancelled');
    expect(applyRunEvent(EMPTY_PROGRESS, { ...env(9), stage: 'error', code: 'REQUIRED_EXTRACTOR_FAILED', message: 'x' })).toMatchObject({ status: 'failed', error: { code: 'REQUIRED_EXTRACTOR_FAILED' } });
  });
});
