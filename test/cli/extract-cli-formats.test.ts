import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromDtcg } from '../../core/tokens/from-dtcg.ts';
import { FIXTURES_DIR } from '../fixtures/load-fixtures.ts';
import { runCli } from './run-cli.ts';

const dracula = path.join(FIXTURES_DIR, 'login-dracula.png');
const stripe = path.join(FIXTURES_DIR, 'pricing-stripe.png');

describe('npm run -s extract -- --format … --out …', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'chorus-formats-'));
    env = { CHORUS_DATA_DIR: path.join(dir, 'data') };
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('prints one DTCG document on stdout, and nothing else', async () => {
    const { code, stdout } = await runCli(['--no-ai', '--format', 'dtcg', dracula], env);
    expect(code).toBe(0);
    const colors = fromDtcg(JSON.parse(stdout));
    expect(colors.find((c) => c.role === 'background')?.hex).toBe('#282a36');
    expect(colors.find((c) => c.role === 'primary')?.hex).toBe('#bd93f9');
  });

  it('writes CSS to a file', async () => {
    const out = path.join(dir, 'dracula.css');
    const { code, stdout } = await runCli(['--no-ai', '--format', 'css', '--out', out, dracula], env);
    expect(code).toBe(0);
    expect(stdout).toContain('#282a36');
    expect(await readFile(out, 'utf8')).toContain('--color-background: #282a36;');
  });

  it('writes one file per image into a directory', async () => {
    const out = path.join(dir, 'tokens');
    const { code } = await runCli(['--no-ai', '--format', 'tokens-studio', '--out', out, dracula, stripe], env);
    expect(code).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['login-dracula.tokens-studio.json', 'pricing-stripe.tokens-studio.json']);
    const stripeTokens = JSON.parse(await readFile(path.join(out, 'pricing-stripe.tokens-studio.json'), 'utf8')) as { color: Record<string, { value: string; type: string }> };
    expect(stripeTokens.color.primary).toMatchObject({ value: '#635bff', type: 'color' });
  });

  it('refuses a format it does not know, --json with --format, and several images without --out', async () => {
    expect((await runCli(['--format', 'yaml', dracula], env)).code).toBe(2);
    expect((await runCli(['--json', '--format', 'css', dracula], env)).code).toBe(2);
    const several = await runCli(['--format', 'json', dracula, stripe], env);
    expect(several.code).toBe(2);
    expect(several.stderr).toMatch(/--out DIR/);
  });
});
