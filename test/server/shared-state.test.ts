import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRESSIVE_PATH } from '../../core/protocol/progressive-url.ts';
import type { RunEvent } from '../../core/protocol/run-event.ts';
import { loadExtractorsFile } from '../../server/config/load-extractors-file.ts';
import { encodeTestPng } from '../../server/decode/testing/encode-png.ts';
import { createExtractors } from '../../server/extractors/create-extractors.ts';
import { startFakeAnthropic } from '../fakes/providers/fake-anthropic.ts';
import { startFakeOpenAI } from '../fakes/providers/fake-openai.ts';
import type { FakeBehaviour, FakeProvider } from '../fakes/providers/fake-provider.ts';
import { validColorAnswer } from '../fakes/providers/valid-color-answer.ts';
import { startTestPostgres, type TestPostgres } from './postgres-server.ts';
import { startServerProcess, type ServerProcess } from './server-process.ts';
import { runOverWebSocket } from './test-backend.ts';

type Done = Extract<RunEvent, { stage: 'extractor_done' }>;
const SIZE = { width: 96, height: 64 };

/** A small screen of its own for run `i` (its own colours, so its own cache key): background, a card, a button. */
function screen(i: number): string {
  const background = [(i * 37) % 256, (i * 91) % 256, (i * 53) % 256];
  const png = encodeTestPng({
    ...SIZE,
    colorType: 2,
    bitDepth: 8,
    samples: (x, y) => (x > 60 && y > 40 ? [230, 57, 70] : x > 10 && x < 50 && y > 10 && y < 50 ? [245, 245, 245] : background),
  });
  return Buffer.from(png).toString('base64');
}

describe('several backend processes share one cap, one ledger and one cache', () => {
  let openai: FakeProvider;
  let anthropic: FakeProvider;
  let providerEnv: Record<string, string>;
  /** The most one run's paid calls may cost (their estimates): the cap below is a few runs' worth. */
  let perRunEstimate: number;
  const started: ServerProcess[] = [];
  const dirs: string[] = [];
  beforeAll(async () => {
    // A model bills about a twentieth of what its call reserves, so the cap is reached only by runs
    // whose reservations overlap: each answer takes a second, so the runs started together hold
    // theirs together however the machine schedules them (answered at once, they could settle one
    // after another and never reach the cap, as one run in six did).
    const slow = { defaultBehaviour: { reply: validColorAnswer(), delayMs: 1_000 } };
    [openai, anthropic] = await Promise.all([startFakeOpenAI(slow), startFakeAnthropic(slow)]);
    providerEnv = { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: `${openai.url}/v1`, ANTHROPIC_API_KEY: 'sk-ant-test', ANTHROPIC_BASE_URL: anthropic.url };
    perRunEstimate = createExtractors(loadExtractorsFile(), providerEnv).reduce((sum, e) => sum + e.estimateCost([SIZE]), 0);
  });
  afterAll(async () => {
    for (const s of started) s.child.kill('SIGKILL');
    await Promise.all([openai.close(), anthropic.close()]);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  const tempDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'chorus-shared-'));
    dirs.push(dir);
    return dir;
  };
  const start = async (env: Record<string, string>) => {
    const server = await startServerProcess({ ...providerEnv, ...env });
    started.push(server);
    return server;
  };

  /** `count` paid runs spread over `servers`, all at once; resolves with every extractor_done of every run. */
  async function paidRuns(servers: readonly ServerProcess[], count: number, first = 0): Promise<Done[]> {
    const runs = await Promise.all(
      Array.from({ length: count }, (_, i) =>
        runOverWebSocket(`${servers[i % servers.length]!.url.replace('http', 'ws')}${PROGRESSIVE_PATH}`, { action: 'extract', images: [screen(first + i)], paid: 'always', max_cost: 1 }, { timeoutMs: 60_000 }),
      ),
    );
    for (const run of runs) expect(run.at(-1)?.event.stage).toBe('complete');
    return runs.flat().flatMap((e) => (e.event.stage === 'extractor_done' ? [e.event] : []));
  }

  const expectCapHeld = (done: readonly Done[], booked: { spent: number; reserved: number }, capUsd: number) => {
    const billed = done.reduce((sum, e) => sum + e.cost, 0);
    // The cap was reached (so holding it means something), and held across processes.
    expect(done.filter((e) => e.code === 'DAILY_CAP').length).toBeGreaterThan(0);
    expect(done.filter((e) => e.cost > 0).length).toBeGreaterThan(0);
    expect(booked.spent).toBeLessThanOrEqual(capUsd);
    expect(booked.reserved).toBe(0);
    // Booked is what the fakes billed, as the runs reported it (each event's cost is rounded to 1e-6).
    expect(Math.abs(booked.spent - billed)).toBeLessThan(done.length * 1e-6);
  };

  it('SQLite: three processes on one data folder, 21 paid runs at once', async () => {
    const dir = tempDir();
    const capUsd = 4 * perRunEstimate;
    const env = { CHORUS_DATA_DIR: dir, CHORUS_DAILY_BUDGET_USD: String(capUsd) };
    const servers = [await start(env), await start(env), await start(env)];
    // 7 per process: under its limit of 8 runs at once per client.
    const done = await paidRuns(servers, 21);
    for (const s of servers) s.child.kill('SIGTERM');
    for (const s of servers) expect(await s.exited).toBe(0);
    const db = new Database(path.join(dir, 'chorus.db'), { readonly: true });
    const row = db.prepare('SELECT spent_nano, reserved_nano FROM ledger_days').get() as { spent_nano: number; reserved_nano: number };
    db.close();
    expectCapHeld(done, { spent: row.spent_nano / 1e9, reserved: row.reserved_nano / 1e9 }, capUsd);
  }, 120_000);

  describe('PostgreSQL', () => {
    let postgres: TestPostgres;
    beforeAll(async () => {
      postgres = await startTestPostgres();
    }, 60_000);
    afterAll(() => postgres?.stop());

    it('two processes (as on two hosts: separate data folders) share one cap and one cache', async () => {
      const capUsd = 4 * perRunEstimate;
      const servers = [
        await start({ CHORUS_DATA_DIR: tempDir(), CHORUS_DATABASE_URL: postgres.url, CHORUS_DAILY_BUDGET_USD: String(capUsd) }),
        await start({ CHORUS_DATA_DIR: tempDir(), CHORUS_DATABASE_URL: postgres.url, CHORUS_DAILY_BUDGET_USD: String(capUsd) }),
      ];
      // Screen 0 runs alone first, under the cap, so every paid call of it is answered and cached. Run
      // among the 13 others, which of its calls the cap refuses depends on timing; once settled calls
      // free their over-estimates such a call could then be paid for real on the second run, and the
      // cache check below would be racing the ledger instead of testing the cache.
      const first = await paidRuns([servers[0]!], 1);
      const paidFirst = first.filter((e) => e.tier >= 3 && e.status === 'done').map((e) => e.extractor).sort();
      expect(paidFirst.length).toBeGreaterThan(0);
      const done = [...first, ...(await paidRuns(servers, 13, 1))];
      // One cache: the same screen again, on the other process, costs nothing.
      const again = await runOverWebSocket(`${servers[1]!.url.replace('http', 'ws')}${PROGRESSIVE_PATH}`, { action: 'extract', images: [screen(0)], paid: 'always', max_cost: 1 });
      const paidAgain = again.flatMap((e) => (e.event.stage === 'extractor_done' && e.event.tier >= 3 && e.event.status === 'done' ? [e.event] : []));
      expect(paidAgain.map((e) => e.extractor).sort()).toEqual(paidFirst);
      expect(paidAgain.every((e) => e.cached && e.cost === 0)).toBe(true);
      for (const s of servers) s.child.kill('SIGTERM');
      for (const s of servers) expect(await s.exited).toBe(0);
      const client = new pg.Client({ connectionString: postgres.url });
      await client.connect();
      const { rows } = await client.query<{ spent_nano: string; reserved_nano: string }>('SELECT spent_nano, reserved_nano FROM ledger_days');
      await client.end();
      expectCapHeld(done, { spent: Number(rows[0]!.spent_nano) / 1e9, reserved: Number(rows[0]!.reserved_nano) / 1e9 }, capUsd);
    }, 120_000);
  });

  it('SIGKILL mid-spend: after a restart what was settled is kept and the call in flight is booked at no more than its reservation', async () => {
    const dir = tempDir();
    const env = { CHORUS_DATA_DIR: dir, CHORUS_DAILY_BUDGET_USD: '5', CHORUS_LEDGER_STALE_AFTER_MS: '1000' };
    const first = await start(env);
    const settled = (await paidRuns([first], 1, 100)).reduce((sum, e) => sum + e.cost, 0);
    expect(settled).toBeGreaterThan(0);
    // The next calls never answer: the process dies holding their reservations.
    const hang: FakeBehaviour = { hang: true };
    openai.script(hang);
    anthropic.script(hang, hang);
    const seen = openai.requests.length;
    const inFlight = runOverWebSocket(`${first.url.replace('http', 'ws')}${PROGRESSIVE_PATH}`, { action: 'extract', images: [screen(101)], paid: 'always', max_cost: 1 }, { timeoutMs: 3_000 }).catch(() => []);
    await openai.waitForRequests(seen + 1, 10_000);
    first.child.kill('SIGKILL');
    await first.exited;
    await inFlight;

    const restarted = await start(env);
    const health = async () => ((await (await fetch(`${restarted.url}/api/v1/health`)).json()) as { budget: { spent_today_usd: number; reserved_today_usd: number } }).budget;
    // Held until the dead process has missed its heartbeats (1 s here), then booked as spent.
    await expect.poll(async () => (await health()).reserved_today_usd, { timeout: 10_000, interval: 250 }).toBe(0);
    const after = await health();
    const bookedForTheCrash = after.spent_today_usd - settled;
    expect(bookedForTheCrash).toBeGreaterThan(0);
    expect(bookedForTheCrash).toBeLessThanOrEqual(perRunEstimate + 1e-9);
    restarted.child.kill('SIGTERM');
    expect(await restarted.exited).toBe(0);
  }, 120_000);
});
