import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import StyleDictionary from 'style-dictionary';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDtcgModes, type ModeTokens } from '../../core/tokens/to-dtcg-modes.ts';

const modes: ModeTokens[] = [
  {
    mode: 'Light',
    colors: [
      { hex: '#ffffff', role: 'background' },
      { hex: '#1f2328', role: 'text' },
      { hex: '#0969da', role: 'primary', alias: 'brand/primary' },
      { hex: '#ffffff', role: 'on-primary' },
    ],
  },
  {
    mode: 'Dark',
    colors: [
      { hex: '#0d1117', role: 'background' },
      { hex: '#e6edf3', role: 'text' },
      { hex: '#0969da', role: 'primary', alias: 'brand/primary' },
      { hex: '#ffffff', role: 'on-primary' },
    ],
  },
];

// A real consumer builds the modes: Style Dictionary 5, one CSS block per mode over the shared primitives.
describe('Style Dictionary 5 building light and dark from the DTCG mode files', () => {
  let dir: string;
  let files: string[];
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'chorus-sd-modes-'));
    const out = toDtcgModes(modes);
    files = out.map((f) => f.fileName);
    await Promise.all(out.map((f) => writeFile(path.join(dir, f.fileName), `${JSON.stringify(f.document, null, 2)}\n`)));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes a primitives file and one file per mode, semantic tokens as aliases', async () => {
    expect(files).toEqual(['chorus.primitives.tokens.json', 'chorus.light.tokens.json', 'chorus.dark.tokens.json']);
    const dark = JSON.parse(await readFile(path.join(dir, 'chorus.dark.tokens.json'), 'utf8')) as { color: Record<string, { $value: unknown }> };
    expect(dark.color['primary']!.$value).toBe('{color.brand.primary}');
    expect(dark.color['on-primary']!.$value).toBe('{color.brand.background}');
    expect(dark.color['background']!.$value).toBe('{color.brand.background-dark}');
  });

  async function build(mode: string, selector: string): Promise<string> {
    const sd = new StyleDictionary({
      source: [path.join(dir, 'chorus.primitives.tokens.json'), path.join(dir, `chorus.${mode}.tokens.json`)],
      log: { verbosity: 'silent', warnings: 'disabled' },
      platforms: {
        css: {
          transformGroup: 'css',
          buildPath: `${dir}/`,
          files: [{ destination: `${mode}.css`, format: 'css/variables', options: { selector, outputReferences: true } }],
        },
      },
    });
    await sd.buildAllPlatforms();
    return readFile(path.join(dir, `${mode}.css`), 'utf8');
  }

  it('builds :root for light and [data-theme="dark"] for dark, references kept as var()', async () => {
    const light = await build('light', ':root');
    const dark = await build('dark', '[data-theme="dark"]');
    expect(light).toContain(':root {');
    expect(light).toContain('--color-brand-primary: #0969da;');
    expect(light).toMatch(/--color-primary: var\(--color-brand-primary\);/);
    expect(light).toMatch(/--color-background: var\(--color-brand-background\);/);
    expect(dark).toContain('[data-theme="dark"] {');
    expect(dark).toContain('--color-brand-background-dark: #0d1117;');
    expect(dark).toMatch(/--color-background: var\(--color-brand-background-dark\);/);
    expect(dark).toMatch(/--color-text: var\(--color-brand-text-dark\);/);
    expect(dark).toMatch(/--color-primary: var\(--color-brand-primary\);/);
  });

  it('carries each mode\'s contrast checks in $extensions', async () => {
    const dark = JSON.parse(await readFile(path.join(dir, 'chorus.dark.tokens.json'), 'utf8')) as {
      color: Record<string, { $extensions: { 'dev.chorus': { contrast?: { on: string; wcag: string }[] } } }>;
    };
    expect(dark.color['text']!.$extensions['dev.chorus'].contrast).toEqual([expect.objectContaining({ on: '{color.background}', wcag: 'AAA' })]);
    expect(dark.color['on-primary']!.$extensions['dev.chorus'].contrast).toEqual([expect.objectContaining({ on: '{color.primary}', wcag: 'AA' })]);
  });
});
