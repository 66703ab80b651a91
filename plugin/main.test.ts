import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, pluginMessageSchema } from '../core/messages/plugin-messages.ts';
import { createFigmaFake } from '../test/fakes/figma-fake.ts';
import { builtPluginCode, runBuiltPlugin } from '../test/fakes/run-built-plugin.ts';

/**
 * Figma parses the whole sandbox bundle on every run of the plugin; 150 KB keeps that well under a
 * frame's worth of main-thread time on a designer's laptop (issue 11). zod's classic API with every
 * locale took it to 496 KB.
 */
const MAX_BUNDLE_BYTES = 150 * 1024;

/**
 * The one foreign global the bundle may look at: zod probes `navigator.userAgent` (guarded by
 * `typeof`) to learn whether it runs on Cloudflare, where it must not compile parsers with
 * `new Function`. Undefined there, as in Figma, it takes its usual path.
 */
const TOLERATED_PROBES = ['navigator'];

describe('the built sandbox bundle, in a realm with only Figma’s main-thread globals', () => {
  it(`weighs at most ${MAX_BUNDLE_BYTES / 1024} KB`, () => {
    expect(new TextEncoder().encode(builtPluginCode()).length).toBeLessThanOrEqual(MAX_BUNDLE_BYTES);
  });

  it('saves and loads the default settings (z.url() needed URL, which the sandbox lacks)', async () => {
    const fake = createFigmaFake();
    const run = runBuiltPlugin(fake);
    expect(await fake.request({ type: 'save-settings', id: 's1', settings: DEFAULT_SETTINGS })).toEqual({ type: 'save-settings-done', id: 's1' });
    expect(await fake.request({ type: 'load-settings', id: 's2' })).toEqual({ type: 'load-settings-done', id: 's2', settings: DEFAULT_SETTINGS });
    expect(run.globalsRead.filter((name) => !TOLERATED_PROBES.includes(name))).toEqual([]);
  });

  it('answers every kind of request without touching a browser or Node global', async () => {
    const fake = createFigmaFake();
    const run = runBuiltPlugin(fake);
    const home = fake.addFrame({ name: 'Home', width: 10, height: 10 });
    fake.select([home]);
    await fake.settle();
    const palette = [
      {
        hex: '#3366ff',
        role: 'primary',
        share: 0.4,
        conflict: true,
        agreement: 0.5,
        votes: [{ extractor: 'cv', hex: '#3366ff', weight: 1 }],
        candidates: [
          { hex: '#3366ff', weight: 1, measured: true, votes: [{ extractor: 'cv', weight: 1 }] },
          { hex: '#2255ee', weight: 1, measured: false, votes: [{ extractor: 'openai', weight: 1 }] },
        ],
      },
    ];
    const requests = [
      { type: 'get-selection', id: 'r1' },
      { type: 'export-selection', id: 'r2' },
      { type: 'load-settings', id: 'r3' },
      { type: 'save-settings', id: 'r4', settings: { ...DEFAULT_SETTINGS, serverUrl: 'https://chorus.example.com:8443/team' } },
      { type: 'write-styles', id: 'r5', palette, source: { nodes: [{ id: home.id, name: 'Home' }] }, options: { prefix: 'Chorus', overwriteEdited: false, variables: true } },
      { type: 'list-reviews', id: 'r6' },
      { type: 'load-learning', id: 'r7' },
      { type: 'export-file-tokens', id: 'r8', prefix: 'Chorus' },
      { type: 'select-node', id: 'r9', nodeId: home.id },
      { type: 'resolve-all-reviews', id: 'r10' },
      { type: 'write-styles', id: 'r11', palette: [{ hex: '#FFF', share: 1, votes: [] }], source: { nodes: [] }, options: { prefix: 'Chorus', overwriteEdited: false } },
    ];
    const replies = [];
    for (const request of requests) replies.push(pluginMessageSchema.parse(await fake.request(request)));
    expect(replies.map((reply) => reply.type)).toEqual([
      'get-selection-done',
      'export-selection-done',
      'load-settings-done',
      'save-settings-done',
      'write-styles-done',
      'list-reviews-done',
      'load-learning-done',
      'export-file-tokens-done',
      'select-node-done',
      'resolve-all-reviews-done',
      'failed',
    ]);
    // The malformed palette is told apart in English, field by field (zod/mini has no messages of its own).
    expect(replies[10]).toMatchObject({ error: { code: 'BAD_MESSAGE', message: expect.stringContaining('palette.0.hex: a lower-case #rrggbb colour') } });
    expect(fake.uncaughtErrors).toEqual([]);
    expect(run.globalsRead.filter((name) => !TOLERATED_PROBES.includes(name))).toEqual([]);
  });

  it('fails where the plugin would use a global Figma lacks', async () => {
    // The realm itself, checked: the harness would be worthless if URL leaked into it.
    const fake = createFigmaFake();
    const run = runBuiltPlugin(fake);
    await fake.settle();
    expect(run.evaluate('typeof URL + typeof TextEncoder + typeof structuredClone + typeof atob + typeof process')).toBe(
      'undefined'.repeat(5),
    );
    expect(run.evaluate('typeof figma + typeof __html__ + typeof setTimeout + typeof fetch + typeof console')).toBe(
      'objectstringfunctionfunctionobject',
    );
    expect(() => run.evaluate('new URL("http://localhost:8787")')).toThrow(/not a constructor/);
  });
});
