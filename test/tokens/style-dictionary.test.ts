import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import StyleDictionary from 'style-dictionary';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatTokens } from '../../core/tokens/format-tokens.ts';
import type { ExportColor } from '../../core/tokens/export-color.ts';

const palette: ExportColor[] = [
  { hex: '#282a36', role: 'background', confidence: 0.95 },
  { hex: '#bd93f9', role: 'primary', name: 'dracula-purple', confidence: 0.86 },
  { hex: '#f8f8f2', role: 'text', confidence: 0.95 },
  { hex: '#ff5555', role: 'error', conflict: true },
];

// A real consumer reads Chorus's DTCG file: Style Dictionary 5, building CSS variables.
describe('Style Dictionary 5 consuming the DTCG export', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'chorus-sd-'));
    await writeFile(path.join(dir, 'chorus.tokens.json'), formatTokens(palette, 'dtcg'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('builds CSS custom properties with the same colours', async () => {
    const sd = new StyleDictionary({
      source: [path.join(dir, 'chorus.tokens.json')],
      log: { verbosity: 'silent', warnings: 'disabled' },
      platforms: {
        css: { transformGroup: 'css', buildPath: `${dir}/`, files: [{ destination: 'variables.css', format: 'css/variables' }] },
      },
    });
    await sd.buildAllPlatforms();
    const css = await readFile(path.join(dir, 'variables.css'), 'utf8');
    expect(css).toContain('--color-background: #282a36;');
    expect(css).toContain('--color-primary: #bd93f9;');
    expect(css).toContain('--color-text: #f8f8f2;');
    expect(css).toContain('--color-error: #ff5555;');
    // The description travels as a comment.
    expect(css).toMatch(/--color-primary: #bd93f9; \/\*\* Primary · dracula-purple/);
  });
});
