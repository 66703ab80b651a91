import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from '../../test/fixtures/load-fixtures.ts';
import { loadExtractorsFile } from '../config/load-extractors-file.ts';
import { decodeImage } from '../decode/decode-image.ts';
import { createExtractors } from '../extractors/create-extractors.ts';
import { downscaleRgba } from '../extractors/private/downscale-rgba.ts';
import { createCpuPool, QUEUED_DECODES_PER_WORKER, type CpuPool } from './cpu-pool.ts';

const png = new Uint8Array(readFileSync(path.join(FIXTURES_DIR, 'login-dracula.png')));

describe('the CPU worker pool', () => {
  let pool: CpuPool;
  beforeAll(async () => {
    pool = createCpuPool({ size: 1 });
    await pool.ready;
  }, 60_000);
  afterAll(() => pool.close());

  it('decodes in a worker to the same pixels, into shared memory', async () => {
    const [inPool, here] = await Promise.all([pool.decode(png), decodeImage(png)]);
    expect(inPool.data.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect({ width: inPool.width, height: inPool.height }).toEqual({ width: here.width, height: here.height });
    expect(Buffer.from(inPool.data).equals(Buffer.from(here.data))).toBe(true);
  });

  it('passes a decode error through with its code', async () => {
    await expect(pool.decode(png.subarray(0, 200))).rejects.toMatchObject({ name: 'DecodeError', code: 'TRUNCATED' });
  });

  it('runs the CV extractors to the same votes as the event loop', async () => {
    const rgba = await decodeImage(png);
    const images = [{ bytes: png, base64: '', mediaType: 'image/png' as const, rgba, sha256: '' }];
    const extractors = createExtractors(loadExtractorsFile(), {}).filter((e) => e.kind === 'cv');
    const offloaded = pool.offload(extractors);
    for (const [i, e] of extractors.entries()) {
      const input = { images, measured: [], signal: new AbortController().signal };
      expect((await offloaded[i]!.run(input)).votes).toEqual((await e.run(input)).votes);
    }
  });

  it('downscales in a worker to the same pixels as on this thread', async () => {
    const rgba = await decodeImage(png);
    const [inPool, here] = [await pool.downscale(rgba, 301, 200), downscaleRgba(rgba, 301, 200)];
    expect({ width: inPool.width, height: inPool.height }).toEqual({ width: 301, height: 200 });
    expect(Buffer.from(inPool.data).equals(Buffer.from(here.data))).toBe(true);
    await expect(pool.downscale(rgba, rgba.width + 1, 10)).rejects.toThrow(/Cannot downscale/);
  });

  it('serves a run’s first answer before new decodes, and the later tiers after both', async () => {
    const rgba = await decodeImage(png);
    const images = [{ bytes: png, base64: '', mediaType: 'image/png' as const, rgba, sha256: '' }];
    const input = { images, measured: [], signal: new AbortController().signal };
    const offloaded = pool.offload(createExtractors(loadExtractorsFile(), {}).filter((e) => e.kind === 'cv'));
    const tier1 = offloaded.find((e) => e.tier === 1)!;
    const tier2 = offloaded.find((e) => e.tier === 2)!;
    const order: string[] = [];
    const busy = [pool.decode(png), pool.decode(png)]; // the one worker holds two (its pipeline); what follows queues
    const later = tier2.run(input).then(() => order.push('tier 2'));
    const decode = pool.decode(png).then(() => order.push('decode'));
    const first = tier1.run(input).then(() => order.push('tier 1'));
    await Promise.all([...busy, later, decode, first]);
    expect(order).toEqual(['tier 1', 'decode', 'tier 2']);
  });

  it('refuses new decodes SERVER_BUSY once its queue is full, and takes them again after', async () => {
    const burst = Array.from({ length: QUEUED_DECODES_PER_WORKER + 10 }, () => pool.decode(png).then(() => 'decoded', (error: { code: string }) => error.code));
    const outcomes = await Promise.all(burst);
    expect(outcomes.filter((o) => o === 'SERVER_BUSY').length).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o === 'decoded').length).toBeGreaterThanOrEqual(QUEUED_DECODES_PER_WORKER);
    await expect(pool.decode(png)).resolves.toMatchObject({ width: expect.any(Number) });
  }, 60_000);
});

describe('a CPU pool whose workers cannot load', () => {
  it('is not restarted in a loop: the work runs on the event loop, and the failure is logged', async () => {
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args);
    const pool = createCpuPool({ size: 1, extractorsConfig: path.join(FIXTURES_DIR, 'no-such-extractors.json') });
    try {
      await expect.poll(() => logged.some((args) => String((args as unknown[])[0]).includes('stopped before it loaded')), { timeout: 30_000 }).toBe(true);
      const image = await pool.decode(png);
      expect(image.data.buffer).not.toBeInstanceOf(SharedArrayBuffer);
      expect(image.width).toBeGreaterThan(0);
    } finally {
      console.error = original;
      await pool.close();
    }
  }, 60_000);
});

describe('closing a CPU pool', () => {
  // A worker that loaded while the process was busy posts 'ready' just as close() terminates it; the
  // process awaiting close() must wait for the worker to exit, not end with exit 13 (unsettled
  // top-level await), as the CLI did when its last image was done before its workers had loaded.
  it('keeps a process that awaits it alive until its workers have exited', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'chorus-pool-close-'));
    try {
      const script = path.join(dir, 'close-while-loading.mjs');
      await writeFile(
        script,
        [
          `import { createCpuPool } from ${JSON.stringify(pathToFileURL(path.join(import.meta.dirname, 'cpu-pool.ts')).href)};`,
          'const pool = createCpuPool({ size: 1 });',
          "// This thread blocks while the worker loads, so its 'ready' waits to be read when close() terminates it.",
          'Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 4000);',
          'await pool.close();',
          "console.log('closed');",
        ].join('\n'),
      );
      const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
        execFile(process.execPath, ['--import', 'tsx', script], { timeout: 30_000 }, (error, out) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout: out }));
      });
      expect({ code, stdout: stdout.trim() }).toEqual({ code: 0, stdout: 'closed' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('settles every task it held or queued: none is left waiting', async () => {
    const pool = createCpuPool({ size: 1 });
    await pool.ready;
    const tasks = Array.from({ length: 5 }, () => pool.decode(png).then(() => 'decoded', (error: Error) => error.message));
    await pool.close();
    const outcomes = await Promise.all(tasks);
    expect(outcomes.filter((o) => o === 'The server is stopping: this task was not run.').length).toBeGreaterThan(0);
    expect(outcomes.every((o) => o === 'decoded' || /stopping|stopped/.test(o))).toBe(true);
  }, 60_000);
});
