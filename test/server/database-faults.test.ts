import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, truncateSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRESSIVE_PATH } from '../../core/protocol/progressive-url.ts';
import type { RunEvent } from '../../core/protocol/run-event.ts';
import { SqlLedgerStore } from '../../server/budget/sql-ledger-store.ts';
import { createLedger } from '../../server/budget/ledger.ts';
import { SqlCacheStore } from '../../server/cache/sql-cache-store.ts';
import { openSqliteDatabase } from '../../server/db/open-sqlite-database.ts';
import { startServer } from '../../server/start-server.ts';
import { startServerProcess } from './server-process.ts';
import { fixtureBase64, runOverWebSocket, startFakeProviders, type FakeProviders } from './test-backend.ts';

type Done = Extract<RunEvent, { stage: 'extractor_done' }>;
const dirs: string[] = [];
const tempDir = (root = tmpdir()) => {
  const dir = mkdtempSync(path.join(root, 'chorus-db-faults-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
const NO_PROVIDERS = { PORT: '0', OPENAI_API_KEY: '', ANTHROPIC_API_KEY: '', CHORUS_LOCAL_BASE_URL: '' };

/** A data folder whose database holds a day's spend and a few hundred cache entries (so it spans many pages). */
async function populatedDataDir(): Promise<string> {
  const dir = tempDir();
  const db = await openSqliteDatabase(path.join(dir, 'chorus.db'));
  const ledger = await createLedger({ store: new SqlLedgerStore(db), dailyCapUsd: 5, heartbeatMs: 0 });
  await ledger.settle((await ledger.reserve('run', 1))!, 1.25);
  const cache = new SqlCacheStore(db);
  for (let i = 0; i < 300; i++) await cache.set(i.toString(16).padStart(64, '0'), JSON.stringify({ v: 1, filler: 'x'.repeat(2000), i }));
  await ledger.stop();
  await db.close();
  return dir;
}

/** Overwrites `length` bytes at `offset` of `file` with a pattern no SQLite page holds. */
function garble(file: string, offset: number, length: number): void {
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(length, 0xa5), 0, length, offset);
  closeSync(fd);
}

describe('a damaged database: the server refuses to start and says what to do', () => {
  const damages: Record<string, (db: string) => void> = {
    emptied: (db) => truncateSync(db, 0),
    'cut in half': (db) => truncateSync(db, Math.floor(statSync(db).size / 2)),
    'garbled header': (db) => garble(db, 0, 100),
    'garbled pages in the middle': (db) => garble(db, Math.floor(statSync(db).size / 2), 8192),
  };
  for (const [kind, damage] of Object.entries(damages)) {
    it(kind, async () => {
      const dir = await populatedDataDir();
      const db = path.join(dir, 'chorus.db');
      damage(db);
      const refusal = await startServer({ ...NO_PROVIDERS, CHORUS_DATA_DIR: dir }, 'test').then(
        (started) => started.close().then(() => 'started'),
        (error: Error) => error.message,
      );
      expect(refusal).toMatch(new RegExp(`The Chorus database ${db.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is damaged`));
      expect(refusal).toMatch(/Restore the file from a backup; or, .* move it aside: mv /);
    });
  }

  it('as a process: exits 1 with the message, without listening', async () => {
    const dir = await populatedDataDir();
    garble(path.join(dir, 'chorus.db'), 0, 100);
    const failed = await startServerProcess({ CHORUS_DATA_DIR: dir }).then(
      () => 'started',
      (error: Error) => error.message,
    );
    expect(failed).toMatch(/server exited with 1/);
    expect(failed).toMatch(/chorus: The Chorus database .* is damaged/);
  });

  it('a database from a newer Chorus is refused, not rewritten', async () => {
    const dir = await populatedDataDir();
    const db = await openSqliteDatabase(path.join(dir, 'chorus.db'));
    await db.query('UPDATE chorus_schema SET version = 99');
    await db.close();
    await expect(startServer({ ...NO_PROVIDERS, CHORUS_DATA_DIR: dir }, 'test')).rejects.toThrow(/schema version 99, written by a newer Chorus/);
  });
});

describe('the file ledger of an earlier version', () => {
  const lines = (day: string) =>
    [
      { v: 1, kind: 'reserve', id: 'a', runId: 'r1', day, nanoUsd: 2_000_000_000, at: `${day}T01:00:00.000Z` },
      { v: 1, kind: 'settle', id: 'a', day, nanoUsd: 1_500_000_000, at: `${day}T01:00:01.000Z` },
      // Left open by a crash: booked as spent at its reserved amount, as the file ledger did.
      { v: 1, kind: 'reserve', id: 'b', runId: 'r2', day, nanoUsd: 250_000_000, at: `${day}T02:00:00.000Z` },
    ].map((record) => JSON.stringify(record));

  it('is moved into the database, once, and renamed', async () => {
    const dir = tempDir();
    const today = new Date().toISOString().slice(0, 10);
    writeFileSync(path.join(dir, 'ledger.jsonl'), `${lines(today).join('\n')}\n`);
    const started = await startServer({ ...NO_PROVIDERS, CHORUS_DATA_DIR: dir }, 'test');
    const health = (await (await fetch(`${started.url}/api/v1/health`)).json()) as { budget: { spent_today_usd: number; reserved_today_usd: number } };
    await started.close();
    expect(health.budget).toMatchObject({ spent_today_usd: 1.75, reserved_today_usd: 0 });
    expect(readFileSync(path.join(dir, 'ledger.jsonl.migrated'), 'utf8')).toContain('"id":"b"');
    const again = await startServer({ ...NO_PROVIDERS, CHORUS_DATA_DIR: dir }, 'test');
    const second = (await (await fetch(`${again.url}/api/v1/health`)).json()) as { budget: { spent_today_usd: number } };
    await again.close();
    expect(second.budget.spent_today_usd).toBe(1.75);
  });

  it('with a damaged line in the middle, the server refuses to start rather than forget its spend', async () => {
    const dir = tempDir();
    const [first, , third] = lines('2026-12-03');
    writeFileSync(path.join(dir, 'ledger.jsonl'), `${first}\n{"v":1,"kind":"sett\n${third}\n`);
    await expect(startServer({ ...NO_PROVIDERS, CHORUS_DATA_DIR: dir }, 'test')).rejects.toThrow(/damaged record on line 2/);
  });
});

const isRoot = process.getuid?.() === 0;

/** A tiny tmpfs: a disk that really fills up (mounting needs root; CI runs as root). */
describe.runIf(isRoot)('a full disk (tmpfs, as root)', () => {
  let fakes: FakeProviders;
  let mount: string;
  beforeAll(async () => {
    fakes = await startFakeProviders();
    mount = tempDir();
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mount]);
  });
  afterAll(async () => {
    execFileSync('umount', ['-l', mount]);
    await fakes.close();
  });

  const paidRun = async (url: string, image = fixtureBase64()) => {
    const events = await runOverWebSocket(`${url.replace('http', 'ws')}${PROGRESSIVE_PATH}`, { action: 'extract', images: [image], paid: 'always', max_cost: 1 }, { timeoutMs: 30_000 });
    const done = events.flatMap((e) => (e.event.stage === 'extractor_done' ? [e.event] : []));
    return { last: events.at(-1)!.event, paid: done.filter((e: Done) => e.tier >= 3) };
  };
  const ledgerState = async (url: string) => ((await (await fetch(`${url}/api/v1/health`)).json()) as { budget: { ledger: string } }).budget.ledger;

  it('skips paid tiers with LEDGER_UNAVAILABLE while CV runs complete, and recovers by itself when space returns', async () => {
    const dir = path.join(mount, 'data');
    const started = await startServer({ ...NO_PROVIDERS, ...fakes.env, CHORUS_LOCAL_BASE_URL: '', CHORUS_DATA_DIR: dir }, 'test');
    try {
      // Fill every byte left.
      const filler = path.join(mount, 'filler');
      const fd = openSync(filler, 'w');
      const block = Buffer.alloc(64 * 1024);
      try {
        for (let i = 0; i < 1024; i++) writeSync(fd, block);
      } catch (error) {
        expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
      } finally {
        closeSync(fd);
      }
      const full = await paidRun(started.url);
      expect(full.last.stage).toBe('complete');
      expect(full.paid.length).toBeGreaterThan(0);
      for (const e of full.paid) expect(e).toMatchObject({ status: 'skipped', code: 'LEDGER_UNAVAILABLE', reason: expect.stringMatching(/cannot record spending/) });
      expect(await ledgerState(started.url)).toBe('unavailable');

      unlinkSync(filler);
      await expect.poll(() => ledgerState(started.url), { timeout: 10_000 }).toBe('ok');
      const recovered = await paidRun(started.url);
      expect(recovered.last.stage).toBe('complete');
      expect(recovered.paid.filter((e) => e.status === 'done').length).toBe(recovered.paid.length);
    } finally {
      await started.close();
    }
  });
});
