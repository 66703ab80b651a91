import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pluginMessageSchema } from '../core/messages/plugin-messages.ts';
import { createFigmaFake } from '../test/fakes/figma-fake.ts';

/** The sandbox bundle as scripts/build.mjs makes it (es2017 iife), built in memory. */
async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./main.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2017',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

describe('the es2017 sandbox bundle', () => {
  it('runs on the fake through Figma’s globals and writes styles', async () => {
    // esbuild fails the build if it cannot lower some syntax to es2017.
    const code = await bundle();
    const fake = createFigmaFake();
    // What Figma does: evaluate the bundle with `figma` and `__html__` in scope.
    new Function('figma', '__html__', code)(fake.figma, '<p>ui</p>');
    await fake.settle();
    expect(fake.posted).toEqual([{ type: 'selection-changed', nodes: [] }]);

    const reply = pluginMessageSchema.parse(
      await fake.request({
        type: 'write-styles',
        id: 'b1',
        palette: [{ hex: '#3366ff', role: 'primary', share: 0.4, votes: [{ extractor: 'cv', hex: '#3366ff', weight: 1 }] }],
        source: { nodes: [{ id: '1:2', name: 'Home' }] },
        options: { prefix: 'Chorus', overwriteEdited: false },
      }),
    );
    expect(reply).toMatchObject({ type: 'write-styles-done', summary: { created: ['Chorus/primary'] } });
    expect(fake.undo.commits).toBe(1);
    expect(fake.uncaughtErrors).toEqual([]);
  });
});
