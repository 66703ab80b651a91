import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../core/protocol/run-event.ts';
import type { MetricsStore } from './metrics-store.ts';
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
const complete = (runId = 'r'): RunEvent => ({ ...base, run_id: runId, stage: 'complete', tokens: {}, confidence: 0.7, duration_ms: 20 });

describe('createRunMetrics', () => {
  it('gives latency percentiles and outcome rates per extractor', async () => {
    const m = createRunMetrics();
    for (let i = 1; i <= 100; i++) m.observe(done('openai', 'done', i * 10));
    m.observe(done('openai', 'failed', 5));
    m.observe(done('openai', 'skipped', 0));
    m.observe(complete());
    const s = (await m.snapshot()).extractors[0]!;
    expect(s.runs).toBe(102);
    expect(s.latencyMs).toEqual({ p50: 500, p90: 900, p99: 990 });
    expect(s.failureRate).toBeCloseTo(1 / 102, 10);
    expect(s.skipRate).toBeCloseTo(1 / 102, 10);
  });

  it('counts how often an extractor agreed with the final consensus and with designers', async () => {
    const m = createRunMetrics();
    m.observe(done('openai', 'done', 10, { votes: [{ extractor: 'openai', weight: 1, hex: '#0d6efd', role: 'primary', measured: false }] }));
    m.observe(done('claude', 'done', 10, { votes: [{ extractor: 'claude', weight: 1, hex: '#ff0000', role: 'primary', measured: false }] }));
    m.observe({ ...base, stage: 'complete', tokens: { primary: { hex: '#0d6efd', agreement: 0.5, confidence: 0.7, conflict: true, candidates: [] } }, confidence: 0.7, duration_ms: 20 });
    await m.recordDecisions([{ role: 'primary', chosenHex: '#ff0000', candidates: [{ hex: '#0d6efd', extractors: ['openai'] }, { hex: '#ff0000', extractors: ['claude'] }] }]);
    const snapshot = await m.snapshot();
    const byId = Object.fromEntries(snapshot.extractors.map((e) => [e.id, e]));
    expect(byId.openai).toMatchObject({ agreementWithConsensus: 1, agreementWithDesigners: 0 });
    expect(byId.claude).toMatchObject({ agreementWithConsensus: 0, agreementWithDesigners: 1 });
    expect(snapshot).toMatchObject({ runs: 1, decisions: 1 });
  });

  it('keeps a failed run’s outcomes, and counts only completed runs', async () => {
    const m = createRunMetrics();
    m.observe(done('openai', 'timeout', 30_000));
    m.observe({ ...base, stage: 'error', code: 'INTERNAL', message: 'x' } as RunEvent);
    const snapshot = await m.snapshot();
    expect(snapshot.runs).toBe(0);
    expect(snapshot.extractors[0]).toMatchObject({ id: 'openai', runs: 1, timeoutRate: 1 });
  });

  it('stores what a run got to when its last event never came, once', async () => {
    const m = createRunMetrics();
    m.observe({ ...done('openai', 'done', 10), run_id: 'lost' });
    m.end('lost');
    m.end('lost');
    m.observe({ ...done('openai', 'done', 10), run_id: 'fine' });
    m.observe(complete('fine'));
    m.end('fine');
    const snapshot = await m.snapshot();
    expect(snapshot.runs).toBe(1);
    expect(snapshot.extractors[0]).toMatchObject({ id: 'openai', runs: 2 });
  });

  it('tells once, not per run, when the store cannot take the figures, and never fails the run', async () => {
    const warnings: string[] = [];
    const broken: MetricsStore = {
      addRun: () => Promise.reject(new Error('SQLITE_FULL: database or disk is full')),
      addDecisions: () => Promise.reject(new Error('SQLITE_FULL: database or disk is full')),
      read: () => Promise.reject(new Error('SQLITE_IOERR')),
    };
    const m = createRunMetrics({ store: broken, warn: (w) => warnings.push(w) });
    for (const id of ['a', 'b', 'c']) {
      m.observe({ ...done('openai', 'done', 10), run_id: id });
      m.observe(complete(id));
    }
    await expect(m.snapshot()).rejects.toThrow('SQLITE_IOERR');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/could not be stored \(SQLITE_FULL.*resume/);
    await expect(m.recordDecisions([{ role: 'primary', chosenHex: '#ff0000', candidates: [{ hex: '#ff0000', extractors: ['x'] }] }])).rejects.toThrow('SQLITE_FULL');
  });
});
