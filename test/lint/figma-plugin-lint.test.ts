import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('plugin/ under Figma’s lint rules (typed)', () => {
  it('has no findings', async () => {
    const results = await new ESLint({ cwd: root }).lintFiles(['plugin']);
    const findings = results.flatMap((r) => r.messages.map((m) => `${r.filePath.slice(root.length)}:${m.line} ${m.ruleId ?? ''} ${m.message}`));
    expect(findings).toEqual([]);
  });

  it('catches what the rules are there for: a deprecated sync API (dynamic-page access forbids it)', async () => {
    // Linted as if it were plugin/main.ts, so the typed rules see the figma typings. Under CI=true
    // typescript-eslint infers a single run and types the file as it is on disk, not this text.
    const noSingleRun = { languageOptions: { parserOptions: { disallowAutomaticSingleRunInference: true } } };
    const [result] = await new ESLint({ cwd: root, overrideConfig: noSingleRun }).lintText('export const styles = figma.getLocalPaintStyles();\n', { filePath: `${root}plugin/main.ts` });
    expect(result!.messages.map((m) => m.ruleId)).toContain('@figma/figma-plugins/ban-deprecated-sync-methods');
  });
});
