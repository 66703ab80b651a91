import { execFile } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../fixtures/load-fixtures.ts';
import { startFakeProviders, type FakeProviders } from '../server/test-backend.ts';
import { CLI_TIMEOUT_MS, cliEnv, type CliRun } from './run-cli.ts';

/** `node --import tsx server/cli/check-providers.ts`, as `npm run check:providers` runs it. */
function checkProviders(env: Readonly<Record<string, string>>): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'server/cli/check-providers.ts')], { cwd: REPO_ROOT, env: cliEnv(env), timeout: CLI_TIMEOUT_MS }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

describe('npm run check:providers', () => {
  let fakes: FakeProviders;
  beforeAll(async () => {
    fakes = await startFakeProviders();
  });
  afterAll(() => fakes.close());

  it('without keys says which models are off and why, and calls nothing', async () => {
    const run = await checkProviders({});
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Checking 0 of 5 model extractor\(s\)/);
    expect(run.stdout).toMatch(/^off {4}openai \(gpt-6-luna, tier 3\): MISSING_KEY: Set OPENAI_API_KEY/m);
    expect(run.stdout).toMatch(/^off {4}gemini \(gemini-3\.8-flash, tier 3\): MISSING_KEY: Set GEMINI_API_KEY/m);
    expect(run.stdout).toMatch(/^off {4}local-vision .*NOT_CONFIGURED: Set CHORUS_LOCAL_BASE_URL/m);
  });

  it('makes one real call per configured model and prints model, latency, tokens, cost and whether it validated', async () => {
    const before = fakes.openai.requests.length;
    fakes.anthropic.script({ rawContent: 'I would rather describe the mood of this screen.' }, { rawContent: 'nope' });
    const run = await checkProviders(Object.fromEntries(Object.entries(fakes.env).flatMap(([key, value]) => (value === undefined ? [] : [[key, value]]))));
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^ok {5}openai \(gpt-6-luna, tier 3\): \d+ ms, 1000 in \/ 100 out, \$0\.000150, valid answer: \d+ colour\(s\) \(background #282a36/m);
    expect(run.stdout).toMatch(/^ok {5}gemini \(gemini-3\.8-flash, tier 3\): \d+ ms/m);
    expect(run.stdout).toMatch(/^FAILED anthropic \(claude-haiku-5-5, tier 3\): \d+ ms, \$0\.000150, answer did not validate: INVALID_OUTPUT/m);
    expect(fakes.openai.requests.slice(before).filter((r) => r.path === '/v1/chat/completions')).toHaveLength(1);
  });
});
