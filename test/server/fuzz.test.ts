import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LIMITS } from '../../server/security/limits.ts';
import { startServer, type StartedServer } from '../../server/start-server.ts';
import { FIXTURES_DIR } from '../fixtures/load-fixtures.ts';
import type { CaseResult } from './fuzz/run-fuzz-cases.ts';
import { runFuzzCases } from './fuzz/run-fuzz-cases.ts';
import { checkHttpAnswer } from './fuzz/check-answer.ts';
import { memoryAfterGc } from './fuzz/collect-garbage.ts';
import { planFuzzCases } from './fuzz/fuzz-plan.ts';
import { fuzzSeed } from './fuzz/fuzz-seed.ts';
import { startHangWatchdog, type HangWatchdog } from './fuzz/hang-watchdog.ts';
import { createImageKit, type ImageKit } from './fuzz/image-cases.ts';
import { NOT_AN_IMAGE_BASE64 } from './fuzz/message-cases.ts';
import { postRaw } from './fuzz/post-raw.ts';
import { sendOneByOne } from './fuzz/send-one-by-one.ts';
import { configWithTimeouts, fixtureBase64, runOverWebSocket, startFakeProviders, type FakeProviders } from './test-backend.ts';

/** Longest wait for any one answer: far above the slowest clean answer (a 3 MB string, a real run), so only a hang reaches it. */
const CASE_TIMEOUT_MS = 10_000;
/** Cases in flight at once: enough to overlap network waits on 2 cores without starving the in-process server. */
const CONCURRENCY = 6;
/**
 * Growth of the resident set across the whole fuzz, after a collection, that still counts as no
 * leak: the allocator keeps freed pages (one 64 MB frame, 28 MB strings) and V8 keeps its heap.
 */
const MAX_RSS_GROWTH_MB = 300;
/**
 * Longest the event loop may be blocked before the watchdog kills the test process. Far above any
 * clean answer (the slowest, a 64 MB frame or a JPEG decode, block it for about 2 s), so only a
 * synchronous hang reaches it; the per-case timeout cannot catch that, the server being in-process.
 */
const STALL_MS = 20_000;
/** Growth of live JS heap after a collection: the limiter's few thousand clients and the run cache, not a leak. */
const MAX_HEAP_GROWTH_MB = 64;

const seed = fuzzSeed();
const seedNote = `CHORUS_FUZZ_SEED=${seed}`;

describe(`fuzzing the running server (${seedNote})`, () => {
  let fakes: FakeProviders;
  let dataDir: string;
  let server: StartedServer;
  let watchdog: HangWatchdog;
  let kit: ImageKit;
  let before: ReturnType<typeof memoryAfterGc>;
  let results: CaseResult[] = [];
  let fuzzMs = 0;
  const unexpectedErrors: string[] = [];
  const extractUrl = () => `${server.url}/api/v1/extract`;
  const wsUrl = () => `${server.url.replace('http', 'ws')}/api/v1/extract/progressive`;

  beforeAll(async () => {
    watchdog = startHangWatchdog(`fuzz watchdog (${seedNote})`, STALL_MS);
    watchdog.describe('starting the server');
    // The server logs what it did not expect; count those lines (each is a finding) instead of printing thousands of stacks.
    const original = console.error.bind(console);
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].startsWith('chorus:')) unexpectedErrors.push(`${args[0]} ${String(args[1]).split('\n')[0]}`);
      else original(...args);
    });
    fakes = await startFakeProviders();
    dataDir = await mkdtemp(path.join(tmpdir(), 'chorus-fuzz-'));
    const configPath = path.join(dataDir, 'extractors.json');
    // Long enough for a paid call on a loaded 2-core machine (the SDK retries within it), short enough that a hung case ends the test.
    await writeFile(configPath, JSON.stringify(configWithTimeouts(10_000)));
    server = await startServer({ ...fakes.env, PORT: '0', HOST: '127.0.0.1', CHORUS_DATA_DIR: dataDir, CHORUS_EXTRACTORS_CONFIG: configPath }, 'fuzz');
    kit = await createImageKit({ name: 'login-dracula', bytes: new Uint8Array(readFileSync(path.join(FIXTURES_DIR, 'login-dracula.png'))) });
    // The CPU pool's threads load in the background, each its own V8 isolate with the decoders and CV
    // (measured: +535 MB rss with the pool loading during the test, +89 MB with CHORUS_WORKERS=0). That
    // is a fixed start-up cost, not growth the fuzz caused, so the baseline is taken once all have loaded.
    await server.workersReady;
    // Real runs first, at once so each worker gets one, so the baseline already holds what any run loads
    // once (decoders, SDKs, the cache), in the event loop and in every worker: with the models too,
    // whose images the workers downscale (the last test's run with AI would otherwise be the first).
    const warm = await Promise.all([
      ...['pricing-stripe', 'login-dracula', 'dashboard-nord'].map((name) => runOverWebSocket(wsUrl(), { action: 'extract', images: [fixtureBase64(name)], use_ai: false })),
      ...['dashboard-nord', 'pricing-stripe'].map((name) => runOverWebSocket(wsUrl(), { action: 'extract', images: [fixtureBase64(name)], paid: 'always' })),
    ]);
    for (const run of warm) expect(run.at(-1)!.event.stage).toBe('complete');
    before = memoryAfterGc();
  });

  afterAll(async () => {
    await watchdog?.stop();
    await server?.close();
    await fakes?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    vi.restoreAllMocks();
  });

  it('answers every malformed input with a clean refusal (or a clean run), never a 500, a hang or a crash', async () => {
    const planned = planFuzzCases(seed);
    const started = performance.now();
    results = await runFuzzCases(planned, {
      seed,
      kit,
      httpUrl: extractUrl(),
      wsUrl: wsUrl(),
      concurrency: CONCURRENCY,
      timeoutMs: CASE_TIMEOUT_MS,
      onInFlight: (cases) => watchdog.describe(cases.join('\n')),
    });
    watchdog.describe('after the fuzz cases');
    fuzzMs = performance.now() - started;

    const families = new Map<string, { count: number; ms: number; outcomes: Map<string, number> }>();
    for (const r of results) {
      const family = families.get(r.family) ?? { count: 0, ms: 0, outcomes: new Map<string, number>() };
      family.count++;
      family.ms += r.ms;
      family.outcomes.set(r.verdict.outcome, (family.outcomes.get(r.verdict.outcome) ?? 0) + 1);
      families.set(r.family, family);
    }
    const failed = results.filter((r) => r.verdict.problems.length > 0);
    const slowest = [...results].sort((a, b) => b.ms - a.ms)[0];
    console.log(
      [
        `fuzz ${seedNote}: ${results.length} inputs in ${(fuzzMs / 1000).toFixed(1)} s, ${failed.length} with problems; slowest ${slowest?.family} #${slowest?.index} ${slowest?.ms.toFixed(0)} ms`,
        ...[...families].map(([name, f]) => `  ${name.padEnd(28)} ${String(f.count).padStart(4)} ${(f.ms / f.count).toFixed(0).padStart(5)} ms  ${[...f.outcomes].sort((a, b) => b[1] - a[1]).map(([o, n]) => `${o} ×${n}`).join(', ')}`),
      ].join('\n'),
    );

    expect(results).toHaveLength(planned.length);
    const byProblem = new Map<string, CaseResult[]>();
    for (const r of failed) {
      const key = `${r.family}: ${r.verdict.problems[0]!.replace(/\d+/g, 'N').slice(0, 120)}`;
      byProblem.set(key, [...(byProblem.get(key) ?? []), r]);
    }
    const report = [...byProblem].map(([key, cases]) => `${cases.length} × ${key}\n    e.g. #${cases[0]!.index} (${cases[0]!.note}): ${cases[0]!.verdict.problems.join('; ')}`);
    expect(report, `${seedNote}: inputs answered wrongly (replay with that seed)`).toEqual([]);
    expect(unexpectedErrors.slice(0, 5), `${seedNote}: the server logged unexpected errors (${unexpectedErrors.length})`).toEqual([]);
  }, 120_000);

  it('refuses a client past its per-minute limit with 429, and a connection past its run limit with TOO_MANY_RUNS and a close', async () => {
    // One address, many requests that reach admission (a non-image fails after it): the minute's quota, then 429.
    const burst = LIMITS.runsPerMinutePerClient + 10;
    const body = JSON.stringify({ images: [NOT_AN_IMAGE_BASE64], use_ai: false });
    const outcomes: string[] = [];
    for (let i = 0; i < burst; i++) {
      const answer = await postRaw(extractUrl(), { transport: 'http', body, headers: { 'content-type': 'application/json' } }, { localAddress: '127.2.0.1', timeoutMs: CASE_TIMEOUT_MS });
      const verdict = checkHttpAnswer(answer, { kind: 'refused', codes: ['NOT_IMAGE', 'RATE_LIMITED'] });
      expect(verdict.problems, `${seedNote}: request ${i} of the burst`).toEqual([]);
      outcomes.push(verdict.outcome);
    }
    expect(outcomes.filter((o) => o === 'http 415 NOT_IMAGE')).toHaveLength(LIMITS.runsPerMinutePerClient);
    expect(outcomes.filter((o) => o === 'http 429 RATE_LIMITED')).toHaveLength(10);

    // One connection, one request after another: the same quota, then the connection's own cap.
    const answers = await sendOneByOne(wsUrl(), JSON.stringify({ action: 'extract', images: [NOT_AN_IMAGE_BASE64], use_ai: false }), LIMITS.runsPerConnection + 1, {
      localAddress: '127.2.0.2',
      timeoutMs: CASE_TIMEOUT_MS,
    });
    const codes = answers.map((a) => ('event' in a ? (a.event.stage === 'error' ? a.event.code : a.event.stage) : 'close' in a ? `close ${a.close}` : a.problem));
    const count = (code: string) => codes.filter((c) => c === code).length;
    expect(count('NOT_IMAGE')).toBe(LIMITS.runsPerMinutePerClient);
    expect(count('RATE_LIMITED')).toBe(LIMITS.runsPerConnection - LIMITS.runsPerMinutePerClient);
    expect(codes.slice(-2)).toEqual(['TOO_MANY_RUNS', 'close 1008']);
    console.log(`fuzz rate-limit-burst: ${burst} HTTP inputs (${count('NOT_IMAGE')} refused as non-images, then 429 ×10) and ${answers.length - 1} WebSocket inputs on one connection`);
  });

  it('still serves valid runs afterwards, with and without AI, and its memory is within bounds', async () => {
    const plain = await runOverWebSocket(wsUrl(), { action: 'extract', images: [fixtureBase64('login-primer-light')], use_ai: false });
    expect(plain.at(-1)!.event, seedNote).toMatchObject({ stage: 'complete' });
    const withAi = await runOverWebSocket(wsUrl(), { action: 'extract', images: [fixtureBase64('dashboard-nord')], paid: 'always' });
    expect(withAi.at(-1)!.event, seedNote).toMatchObject({ stage: 'complete' });
    const openai = withAi.find((e) => e.event.stage === 'extractor_done' && e.event.extractor === 'openai')?.event;
    expect(openai, seedNote).toMatchObject({ status: 'done' });
    expect(withAi.map((e) => e.event.seq)).toEqual(withAi.map((_, i) => i));
    const health = await fetch(`${server.url}/api/v1/health`);
    expect(health.status).toBe(200);

    const after = memoryAfterGc();
    const rssGrowth = after.rssMb - before.rssMb;
    const heapGrowth = after.heapUsedMb - before.heapUsedMb;
    console.log(
      `fuzz memory (${after.gc}): rss ${before.rssMb.toFixed(0)} → ${after.rssMb.toFixed(0)} MB (${rssGrowth >= 0 ? '+' : ''}${rssGrowth.toFixed(0)}), ` +
        `heap ${before.heapUsedMb.toFixed(0)} → ${after.heapUsedMb.toFixed(0)} MB, external ${before.externalMb.toFixed(0)} → ${after.externalMb.toFixed(0)} MB`,
    );
    expect(rssGrowth, `${seedNote}: resident memory grew by ${rssGrowth.toFixed(0)} MB`).toBeLessThan(MAX_RSS_GROWTH_MB);
    if (after.gc !== 'none') expect(heapGrowth, `${seedNote}: live heap grew by ${heapGrowth.toFixed(0)} MB`).toBeLessThan(MAX_HEAP_GROWTH_MB);
  });
});
