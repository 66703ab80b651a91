import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { tokenSchema } from '../../core/protocol/run-event.ts';
import type { ExtractResult } from '../../server/cli/to-extract-result.ts';
import { SQLITE_FILE_NAME } from '../../server/db/open-sqlite-database.ts';
import { startServer, type StartedServer } from '../../server/start-server.ts';
import { FIXTURES_DIR, REPO_ROOT } from '../fixtures/load-fixtures.ts';
import { configWithTimeouts, startFakeProviders, type FakeProviders } from '../server/test-backend.ts';
import { CLI, CLI_TIMEOUT_MS, cliEnv, runCli, type CliRun } from './run-cli.ts';

const DRACULA = path.join(FIXTURES_DIR, 'login-dracula.png');
/** Provider timeouts for these runs: a fake answers in milliseconds, and a hang must end well inside the test's time. */
const PROVIDER_TIMEOUT_MS = 3_000;
/** Any ANSI escape sequence. */
const ANSI = /\x1b\[/;

type Status = ExtractResult['tiers'][number]['extractors'][number];
const parse = (run: CliRun): { results: ExtractResult[] } => {
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as { results: ExtractResult[] };
};
const statuses = (result: ExtractResult): Record<string, Pick<Status, 'status' | 'code'>> =>
  Object.fromEntries(result.tiers.flatMap((t) => t.extractors.map((e) => [e.id, { status: e.status, ...(e.code ? { code: e.code } : {}) }])));

let root: string;
let configPath: string;
let runs = 0;
/** A fresh, empty data directory: its own ledger and cache, so no run is answered from another's cache. */
const freshDataDir = () => path.join(root, `data-${runs++}`);

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'chorus-cli-tiers-'));
  configPath = path.join(root, 'extractors.json');
  await writeFile(configPath, JSON.stringify(configWithTimeouts(PROVIDER_TIMEOUT_MS)));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('the CLI with no provider configured', () => {
  it('adds every tier to --json, with the unconfigured extractors skipped and the reason coded', async () => {
    const { results } = parse(await runCli(['--json', DRACULA], { CHORUS_DATA_DIR: freshDataDir() }));
    const [result] = results;
    expect(result!.tiers.map((t) => t.tier)).toEqual([1, 2, 3, 4]);
    expect(statuses(result!)).toEqual({
      'flat-regions': { status: 'done' },
      'oklab-clusters': { status: 'done' },
      'flat-regions-full': { status: 'done' },
      'local-vision': { status: 'skipped', code: 'NOT_CONFIGURED' },
      openai: { status: 'skipped', code: 'MISSING_KEY' },
      anthropic: { status: 'skipped', code: 'MISSING_KEY' },
      gemini: { status: 'skipped', code: 'MISSING_KEY' },
      'anthropic-deep': { status: 'skipped', code: 'MISSING_KEY' },
    });
    for (const tier of result!.tiers) {
      expect(tier.total_cost).toBe(0);
      expect(tier.confidence).toBeGreaterThan(0.5);
      for (const token of Object.values(tier.tokens)) expect(tokenSchema.safeParse(token).success).toBe(true);
      for (const e of tier.extractors) expect(e).toMatchObject({ cost: 0, cached: false });
      for (const e of tier.extractors.filter((x) => x.status === 'skipped')) expect(e.reason).toMatch(/Set [A-Z_]+/);
    }
    expect(result!.total_cost).toBe(0);
    // The foundation fields, from the final consensus.
    expect(result!.colors[0]).toMatchObject({ hex: '#282a36', role: 'background' });
    expect(result!.timings_ms.extract).toBeGreaterThan(0);
  });

  it('with --no-ai skips models even when they are configured, and says so', async () => {
    const fakes = await startFakeProviders();
    try {
      const run = await runCli(['--json', '--no-ai', DRACULA], { ...fakes.env, CHORUS_DATA_DIR: freshDataDir(), CHORUS_EXTRACTORS_CONFIG: configPath });
      const result = parse(run).results[0]!;
      expect(statuses(result)).toMatchObject({ 'local-vision': { status: 'skipped', code: 'NO_AI' }, openai: { status: 'skipped', code: 'NO_AI' } });
      expect(fakes.openai.requests.length + fakes.anthropic.requests.length + fakes.local.requests.length).toBe(0);
    } finally {
      await fakes.close();
    }
  });

  it('prints plain lines without a terminal: each tier as it lands, then the palette, and no ANSI', async () => {
    const { code, stdout } = await runCli([DRACULA], { CHORUS_DATA_DIR: freshDataDir() });
    expect(code).toBe(0);
    expect(stdout).not.toMatch(ANSI);
    const lines = stdout.split('\n');
    const at = (pattern: RegExp) => lines.findIndex((l) => pattern.test(l));
    expect(at(/^ {2}tier 1 {2}\d+ colours, \d+% sure$/)).toBeGreaterThan(0);
    expect(at(/^ {2}tier 4 /)).toBeGreaterThan(at(/^ {2}tier 3 /));
    expect(at(/^ {4}– openai +skipped +MISSING_KEY: Set OPENAI_API_KEY/)).toBeGreaterThan(at(/^ {2}tier 3 /));
    expect(at(/#282a36\s+background/)).toBeGreaterThan(at(/^ {2}tier 4 /));
  });

  it('refuses a bad --max-cost or --paid as a usage error', async () => {
    const dataDir = freshDataDir();
    const cost = await runCli(['--max-cost', 'lots', DRACULA], { CHORUS_DATA_DIR: dataDir });
    expect(cost.code).toBe(2);
    expect(cost.stderr).toMatch(/^chorus: --max-cost needs an amount of US dollars/);
    const paid = await runCli(['--paid=sometimes', DRACULA], { CHORUS_DATA_DIR: dataDir });
    expect(paid.code).toBe(2);
    expect(paid.stderr).toMatch(/^chorus: --paid is auto or always/);
  });
});

describe('the CLI against the fake providers', () => {
  let fakes: FakeProviders;
  let server: StartedServer | undefined;
  let inProcess: ExtractResult;

  beforeAll(async () => {
    fakes = await startFakeProviders();
  });
  afterAll(async () => {
    await server?.close();
    await fakes.close();
  });

  it('runs the tiers in-process with the keys from the environment: tier 3 done, and a cost', async () => {
    const before = fakes.openai.requests.length;
    const run = await runCli(['--json', '--paid', 'always', DRACULA], { ...fakes.env, CHORUS_DATA_DIR: freshDataDir(), CHORUS_EXTRACTORS_CONFIG: configPath });
    inProcess = parse(run).results[0]!;
    expect(statuses(inProcess)).toEqual({
      'flat-regions': { status: 'done' },
      'oklab-clusters': { status: 'done' },
      'flat-regions-full': { status: 'done' },
      'local-vision': { status: 'done' },
      openai: { status: 'done' },
      anthropic: { status: 'done' },
      gemini: { status: 'done' },
      'anthropic-deep': { status: 'done' },
    });
    const tier3 = inProcess.tiers.find((t) => t.tier === 3)!;
    for (const e of tier3.extractors) expect(e.cost).toBeGreaterThan(0);
    expect(tier3.total_cost).toBeGreaterThan(inProcess.tiers.find((t) => t.tier === 2)!.total_cost);
    expect(inProcess.total_cost).toBeGreaterThan(0);
    expect(inProcess.total_cost).toBeCloseTo(
      inProcess.tiers.flatMap((t) => t.extractors).reduce((sum, e) => sum + e.cost, 0),
      6,
    );
    // The models named the colours; the values are the measured ones.
    expect(inProcess.colors[0]).toMatchObject({ hex: '#282a36', role: 'background', name: 'background-tone' });
    expect(fakes.openai.requests.length - before).toBe(1);
  });

  it('keeps to --max-cost: a paid extractor over the cap is skipped, never called', async () => {
    const before = fakes.openai.requests.length + fakes.anthropic.requests.length;
    const run = await runCli(['--json', '--paid=always', '--max-cost=0.0001', DRACULA], { ...fakes.env, CHORUS_DATA_DIR: freshDataDir(), CHORUS_EXTRACTORS_CONFIG: configPath });
    const result = parse(run).results[0]!;
    expect(statuses(result)).toMatchObject({ openai: { status: 'skipped', code: 'OVER_BUDGET' }, anthropic: { status: 'skipped', code: 'OVER_BUDGET' } });
    expect(result.total_cost).toBe(0);
    expect(fakes.openai.requests.length + fakes.anthropic.requests.length).toBe(before);
  });

  it('on Ctrl-C aborts the call in flight, releases its reservation, and exits 130', async () => {
    const dataDir = freshDataDir();
    fakes.anthropic.script({ hang: true });
    const abortedBefore = fakes.anthropic.requests.filter((r) => r.aborted).length;
    const requestsBefore = fakes.anthropic.requests.length;
    const child = spawn(process.execPath, [...CLI, '--json', '--paid', 'always', DRACULA, DRACULA], {
      cwd: REPO_ROOT,
      env: cliEnv({ ...fakes.env, CHORUS_DATA_DIR: dataDir, CHORUS_EXTRACTORS_CONFIG: configPath }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await waitFor(() => fakes.anthropic.requests.length > requestsBefore, CLI_TIMEOUT_MS / 2, 'the hanging provider to be called');
      // The other models of the tier answer at once, but their calls start when their images are
      // ready, not with Claude's: the signal comes once they are booked, so only Claude's is in flight.
      await waitFor(() => reservationStates(dataDir).filter((state) => state === 'settled').length >= 2, CLI_TIMEOUT_MS / 2, 'openai and gemini to be booked');
      child.kill('SIGINT');
      const code = await Promise.race([exited, new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 10_000))]);
      expect(code).toBe(130);
    } finally {
      child.kill('SIGKILL');
    }
    expect(stderr.trimEnd().split('\n')).toEqual([`chorus: ${DRACULA}: CANCELLED: The run was cancelled; what finished before is above.`]);
    // The second file was never started.
    expect(JSON.parse(stdout)).toEqual({ results: [] });
    await fakes.anthropic.waitForAborted(abortedBefore + 1, 3_000);
    // Every reservation was closed (openai's settled, anthropic's released): nothing stays held against today's cap.
    // The ledger lives in the data directory's SQLite database; read it as the CLI left it.
    const states = reservationStates(dataDir);
    // A reservation carries no provider name: the one hanging call (anthropic) is released, every
    // model that answered before Ctrl-C (openai, and gemini at the same tier) is settled, none is open.
    expect(states.filter((state) => state === 'released')).toEqual(['released']);
    expect(states.filter((state) => state === 'settled').length).toBeGreaterThan(0);
    expect(states.filter((state) => state !== 'released' && state !== 'settled')).toEqual([]);
  });

  it('streams the same run from a backend with --server', async () => {
    expect(inProcess, 'the in-process test runs first').toBeDefined();
    server = await startServer({ ...fakes.env, PORT: '0', HOST: '127.0.0.1', CHORUS_DATA_DIR: freshDataDir(), CHORUS_EXTRACTORS_CONFIG: configPath }, 'test');
    // The CLI's own environment has no keys: everything it reports comes from the backend.
    const run = await runCli(['--json', '--paid', 'always', '--server', server.url, DRACULA], { CHORUS_DATA_DIR: freshDataDir() });
    const streamed = parse(run).results[0]!;
    expect(statuses(streamed)).toEqual(statuses(inProcess));
    expect(streamed.tiers.map((t) => [t.tier, t.confidence, t.total_cost])).toEqual(inProcess.tiers.map((t) => [t.tier, t.confidence, t.total_cost]));
    expect(streamed.colors).toEqual(inProcess.colors);
    expect(streamed.total_cost).toBe(inProcess.total_cost);
    expect(streamed).toMatchObject({ file: DRACULA, width: 1440, height: 900 });
  });
});

describe('the CLI with --server and no backend', () => {
  it('fails with one line naming the URL, and exit code 1', async () => {
    const port = await closedPort();
    const url = `http://127.0.0.1:${port}`;
    const run = await runCli(['--json', '--server', url, DRACULA, DRACULA], { CHORUS_DATA_DIR: freshDataDir() });
    expect(run.code).toBe(1);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^chorus: can't reach the backend at ${url.replaceAll('.', '\\.')}: .*ECONNREFUSED`));
    expect(JSON.parse(run.stdout)).toEqual({ results: [] });
  });

  it('refuses a --server that is not an http(s) or ws(s) URL', async () => {
    const run = await runCli(['--server', 'ftp://example.com', DRACULA], { CHORUS_DATA_DIR: freshDataDir() });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^chorus: --server needs an http\(s\) or ws\(s\) URL/);
  });
});

// `script` (util-linux) gives the CLI a pseudo-terminal; where it is missing, the renderer's own tests cover the drawing.
const hasScript = await new Promise<boolean>((resolve) => execFile('script', ['--version'], { timeout: 5_000 }, (error) => resolve(!error)));

describe.skipIf(!hasScript)('the CLI on a terminal', () => {
  it('redraws the progress in place as the tiers arrive, then prints the palette with colour chips', async () => {
    const command = [process.execPath, ...CLI, DRACULA].map((a) => `'${a.replaceAll("'", `'\\''`)}'`).join(' ');
    const { code, stdout } = await new Promise<CliRun>((resolve) => {
      const child = execFile(
        'script',
        ['-qefc', command, '/dev/null'],
        { cwd: REPO_ROOT, env: cliEnv({ CHORUS_DATA_DIR: freshDataDir() }), timeout: CLI_TIMEOUT_MS, maxBuffer: 16 << 20 },
        (error, out, err) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout: out, stderr: err }),
      );
      child.stdin?.end();
    });
    expect(code).toBe(0);
    // Moved up over the previous frame and cleared below, more than once: the block was redrawn.
    expect(stdout.match(/\r\x1b\[\d+A\x1b\[J/g)?.length ?? 0).toBeGreaterThan(3);
    const lastFrame = stdout.slice(stdout.lastIndexOf('\x1b[J'));
    expect(lastFrame).toMatch(/tier 4 {2}\d+ colours/);
    expect(lastFrame).not.toMatch(/waiting|running/);
    // The palette's chip for #282a36 = rgb(40, 42, 54).
    expect(lastFrame).toMatch(/\x1b\[48;2;40;42;54m {4}\x1b\[0m #282a36/);
  });
});

/** Polls `condition` every 20 ms; rejects, naming what it waited for, after `timeoutMs`. */
/** The states of the ledger's reservations in a data directory's database, as a CLI there left them (none before it exists). */
function reservationStates(dataDir: string): string[] {
  const file = path.join(dataDir, SQLITE_FILE_NAME);
  if (!existsSync(file)) return [];
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT state FROM reservations ORDER BY state').all().map((row) => z.object({ state: z.string() }).parse(row).state);
  } catch (error) {
    // Not migrated yet: the CLI has opened the file but not made its tables.
    if (/no such table/.test(String(error))) return [];
    throw error;
  } finally {
    db.close();
  }
}

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A loopback port nothing listens on: bound, then released. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
