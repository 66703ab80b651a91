import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../fixtures/load-fixtures.ts';

/** Starts the real backend entry on an ephemeral loopback port and resolves its URL from the log. */
const dataDir = mkdtempSync(path.join(tmpdir(), 'chorus-main-'));

function startServer(): Promise<{ child: ChildProcess; url: string; log: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'server/main.ts')], {
    cwd: REPO_ROOT,
    // No provider configured: the process must start and say which extractors are off and why.
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', CHORUS_DATA_DIR: dataDir, OPENAI_API_KEY: '', ANTHROPIC_API_KEY: '', CHORUS_LOCAL_BASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 20 s:\n${out}`)), 20_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/localhost:\d+)/.exec(out);
      if (match && /Live extractors/.test(out)) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!.replace('localhost', '127.0.0.1'), log: () => out });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
}

describe('the backend process', () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    child?.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts, prints where it listens and which extractors are live, and answers over a real socket', async () => {
    const server = await startServer();
    child = server.child;
    expect(server.log()).toMatch(/Live extractors: flat-regions \(tier 1\), oklab-clusters \(tier 1\), flat-regions-full \(tier 2\)\n/);
    expect(server.log()).toMatch(/openai\s+off: Set OPENAI_API_KEY/);
    const res = await fetch(`${server.url}/api/v1/health`, { signal: AbortSignal.timeout(5_000) });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { status: string }).status).toBe('ok');
  });

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child!.kill('SIGTERM');
    await expect(exited).resolves.toBe(0);
    child = undefined;
  });
});
