import { execFile } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../fixtures/load-fixtures.ts';

/** `node --import tsx server/cli/extract.ts`, as `npm run -s extract` runs it. */
export const CLI = ['--import', 'tsx', path.join(REPO_ROOT, 'server/cli/extract.ts')];
/** No CLI run in these tests should take longer; a hang is killed and fails the test. */
export const CLI_TIMEOUT_MS = 60_000;

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The environment a CLI run sees: this process's, without any Chorus setting, provider key or proxy it
 * may have (a developer's real OPENAI_API_KEY must not be spent by a test), plus `env`.
 */
export function cliEnv(env: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(CHORUS_|OPENAI_|ANTHROPIC_|GEMINI_|HTTPS?_PROXY$|NO_PROXY$)/i.test(key)));
  return { ...clean, ...env };
}

/** Runs the CLI to its end (killed after CLI_TIMEOUT_MS) and resolves with its exit code and output. */
export function runCli(args: readonly string[], env: Readonly<Record<string, string>>): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [...CLI, ...args], { cwd: REPO_ROOT, env: cliEnv(env), maxBuffer: 64 << 20, timeout: CLI_TIMEOUT_MS }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
