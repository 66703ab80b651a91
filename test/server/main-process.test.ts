import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess } from './server-process.ts';

const dataDir = mkdtempSync(path.join(tmpdir(), 'chorus-main-'));

describe('the backend process', () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    child?.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts, prints where it listens and which extractors are live, and answers over a real socket', async () => {
    // No provider configured: the process must start and say which extractors are off and why.
    const server = await startServerProcess({ CHORUS_DATA_DIR: dataDir });
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
