import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../core/protocol/run-event.ts';
import { createRunMetrics } from './run-metrics.ts';

const base = { v: 1 as const, run_id: 'r', seq: 0, total_cost: 0 };
const done = (extractor: string, status: 'done' | 'failed' | 'timeout' | 'skipped', durationMs: number, extra: Partial<Extract<RunEvent, { stage: 'extractor_done' }>> = {}): RunEvent => ({
  ...base,
  stage: 'extractor_done',
  extractor,
  tier: 3,
  status,
  duration_ms: durationMs,
  cost: 0,
  cached: false,
  votes: [],
  ...extra,
});

describe('createRunMetrics', () => {
  it('gives latency percentiles and outcome rates per extractor', () => {
    const m = createRunMetrics();
    for (let i = 1; i <= 100; i++) m.observe(done('openai', 'done', i * 10));
    m.observe(done('openai', 'failed', 5));
    m.observe(done('openai', 'skipped', 0));
    const s = m.snapshot().extractors[0]!;
    expect(s.runs).toBe(102);
    expect(s.latencyMs).toEqual({ p50: 500, p90: 900, p99: 990 });
    expect(s.failureRate).toBeCloseTo(1 / 102, 10);
    expect(s.skipRate).toBeCloseTo(1 / 102, 10);
  });

  it('counts how often an extractor agreed with the final consensus and with designers', () => {
    const m = createRunMetrics();
    m.observe(done('openai', 'done', 10, { votes: [{ extractor: 'openai', weight: 1, hex: '#0d6efd', role: 'primary', measured: false }] }));
    m.observe(done('claude', 'done', 10, { votes: [{ extractor: 'claude', weight: 1, hex: '#ff0000', role: 'primary', measured: false }] }));
    m.observe({ ...base, stage: 'complete', tokens: { primary: { hex: '#0d6efd', agreement: 0.5, confidence: 0.7, conflict: true, candidates: [] } }, confidence: 0.7, duration_ms: 20 });
    m.recordDecision({ role: 'primary', chosenHex: '#ff0000', candidates: [{ hex: '#0d6efd', extractors: ['openai'] }, { hex: '#ff0000', extractors: ['claude'] }] });
    const byId = Object.fromEntries(m.snapshot().extractors.map((e) => [e.id, e]));
    expect(byId.openai).toMatchObject({ agreementWithConsensus: 1, agreementWithDesigners: 0 });
    expect(byId.claude).toMatchObject({ agreementWithConsensus: 0, agreementWithDesigners: 1 });
    expect(m.snapshot()).toMatchObject({ runs: 1, decisions: 1 });
  });
});
