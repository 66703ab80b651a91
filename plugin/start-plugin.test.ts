import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVER_URL, DEFAULT_SETTINGS, pluginMessageSchema } from '../core/messages/plugin-messages.ts';
import { createFigmaFake, type FigmaFake } from '../test/fakes/figma-fake.ts';
import { SETTINGS_STORAGE_KEY } from './load-settings.ts';
import { runBuiltPlugin } from '../test/fakes/run-built-plugin.ts';

async function started(): Promise<FigmaFake> {
  const fake = createFigmaFake();
  runBuiltPlugin(fake);
  await fake.settle();
  return fake;
}

describe('the plugin at start', () => {
  it('shows the UI with Figma’s theme colours', async () => {
    const fake = await started();
    expect(fake.ui).toMatchObject({ open: true, html: '<p>ui</p>', options: { width: 360, height: 560, themeColors: true } });
  });

  it('pushes selection-changed at start and on every selection change', async () => {
    const fake = await started();
    const home = fake.addFrame({ name: 'Home', width: 10, height: 10 });
    const widget = fake.addUnexportableNode({ name: 'Widget' });
    fake.select([home, widget]);
    await fake.settle();
    fake.select([]);
    await fake.settle();
    expect(fake.posted.map((m) => pluginMessageSchema.parse(m))).toEqual([
      { type: 'selection-changed', nodes: [] },
      {
        type: 'selection-changed',
        nodes: [
          { id: home.id, name: 'Home', exportable: true },
          { id: widget.id, name: 'Widget', exportable: false },
        ],
      },
      { type: 'selection-changed', nodes: [] },
    ]);
  });

  it('answers get-selection with the current selection, for a UI that loaded after the first push', async () => {
    const fake = await started();
    const home = fake.addFrame({ name: 'Home', width: 10, height: 10 });
    fake.select([home]);
    await fake.settle();
    expect(await fake.request({ type: 'get-selection', id: 'g1' })).toEqual({
      type: 'get-selection-done',
      id: 'g1',
      nodes: [{ id: home.id, name: 'Home', exportable: true }],
    });
  });
});

describe('messages from the UI', () => {
  it.each([
    ['a request missing its fields', { type: 'write-styles', id: 'm1' }],
    ['an unknown request type', { type: 'delete-everything', id: 'm1' }],
    ['a palette colour in the wrong format', {
      type: 'write-styles',
      id: 'm1',
      palette: [{ hex: '#FFF', share: 1, votes: [] }],
      source: { nodes: [] },
      options: { prefix: 'Chorus', overwriteEdited: false },
    }],
  ])('answers %s with BAD_MESSAGE and does nothing else', async (_, message) => {
    const fake = await started();
    const from = fake.posted.length;
    const reply = pluginMessageSchema.parse(await fake.request(message as { id: string }));
    expect(reply).toMatchObject({ type: 'failed', id: 'm1', error: { code: 'BAD_MESSAGE' } });
    expect(fake.posted.slice(from)).toEqual([reply]);
    expect(fake.listPaintStyles()).toEqual([]);
    expect(fake.notifications).toEqual([]);
    expect(fake.undo.steps).toEqual([]);
    expect(fake.clientStorage.size).toBe(0);
  });

  it.each([['a string', 'hello'], ['no id', { type: 'load-settings' }], ['an id too long to echo', { type: 'x', id: 'x'.repeat(65) }]])(
    'drops %s without replying, since there is no id to answer',
    async (_, message) => {
      const fake = await started();
      const from = fake.posted.length;
      await fake.sendToPlugin(message);
      await fake.settle();
      expect(fake.posted.slice(from)).toEqual([]);
      expect(fake.uncaughtErrors).toEqual([]);
    },
  );

  it('answers concurrent requests one by one, in order, each exactly once', async () => {
    const fake = await started();
    const from = fake.posted.length;
    void fake.sendToPlugin({ type: 'save-settings', id: 'a', settings: { prefix: 'Brand' } });
    void fake.sendToPlugin({ type: 'load-settings', id: 'b' });
    void fake.sendToPlugin({ type: 'export-selection', id: 'c' });
    await fake.settle();
    const replies = fake.posted.slice(from).map((m) => pluginMessageSchema.parse(m));
    expect(replies.map((r) => [r.type, 'id' in r ? r.id : undefined])).toEqual([
      ['save-settings-done', 'a'],
      ['load-settings-done', 'b'],
      ['failed', 'c'],
    ]);
    expect(replies[1]).toMatchObject({ settings: { prefix: 'Brand' } });
  });
});

describe('settings', () => {
  it('loads DEFAULT_SETTINGS when nothing is stored', async () => {
    const fake = await started();
    expect(await fake.request({ type: 'load-settings', id: 's1' })).toEqual({
      type: 'load-settings-done',
      id: 's1',
      settings: DEFAULT_SETTINGS,
    });
  });

  it('saves to clientStorage and loads back', async () => {
    const fake = await started();
    expect(await fake.request({ type: 'save-settings', id: 's1', settings: { prefix: 'Brand/Colours' } })).toEqual({
      type: 'save-settings-done',
      id: 's1',
    });
    // A request without a server (an older UI) stores the default one: every field is always stored.
    expect(fake.clientStorage.get(SETTINGS_STORAGE_KEY)).toEqual({
      prefix: 'Brand/Colours',
      serverUrl: DEFAULT_SERVER_URL,
      accessToken: '',
      variables: false,
      useLearnedWeights: false,
    });
    expect(await fake.request({ type: 'load-settings', id: 's2' })).toMatchObject({ settings: { prefix: 'Brand/Colours' } });
  });

  it('saves the server, trimmed, and an empty one meaning no backend', async () => {
    const fake = await started();
    await fake.request({ type: 'save-settings', id: 's1', settings: { prefix: 'Chorus', serverUrl: ' https://chorus.example.com ' } });
    expect(await fake.request({ type: 'load-settings', id: 's2' })).toMatchObject({ settings: { serverUrl: 'https://chorus.example.com' } });
    await fake.request({ type: 'save-settings', id: 's3', settings: { prefix: 'Chorus', serverUrl: '' } });
    expect(await fake.request({ type: 'load-settings', id: 's4' })).toMatchObject({ settings: { prefix: 'Chorus', serverUrl: '' } });
  });

  it('keeps the access token on this computer (clientStorage), trimmed, and refuses one with spaces', async () => {
    const fake = await started();
    await fake.request({ type: 'save-settings', id: 's1', settings: { prefix: 'Chorus', serverUrl: 'https://chorus.example.com', accessToken: ' t0k-en_42 ' } });
    expect(fake.clientStorage.get(SETTINGS_STORAGE_KEY)).toMatchObject({ accessToken: 't0k-en_42' });
    expect(await fake.request({ type: 'load-settings', id: 's2' })).toMatchObject({ settings: { accessToken: 't0k-en_42' } });
    const refused = await fake.request({ type: 'save-settings', id: 's3', settings: { prefix: 'Chorus', serverUrl: '', accessToken: 'two words' } });
    expect(refused).toMatchObject({ type: 'failed', error: { code: 'BAD_MESSAGE' } });
    expect(fake.clientStorage.get(SETTINGS_STORAGE_KEY)).toMatchObject({ accessToken: 't0k-en_42' });
  });

  it.each(['ftp://localhost:8787', 'ws://localhost:8787', 'localhost:8787', 'http://'])('refuses to save the server %s', async (serverUrl) => {
    const fake = await started();
    const reply = await fake.request({ type: 'save-settings', id: 's1', settings: { prefix: 'Chorus', serverUrl } });
    expect(reply).toMatchObject({ type: 'failed', error: { code: 'BAD_MESSAGE' } });
    expect(fake.clientStorage.size).toBe(0);
  });

  it('loads settings an older Chorus stored without a server, with the default server', async () => {
    const fake = await started();
    fake.clientStorage.set(SETTINGS_STORAGE_KEY, { prefix: 'Brand' });
    expect(await fake.request({ type: 'load-settings', id: 's1' })).toMatchObject({ settings: { prefix: 'Brand', serverUrl: DEFAULT_SERVER_URL } });
  });

  it('keeps the valid fields when one stored field is no longer valid', async () => {
    const fake = await started();
    fake.clientStorage.set(SETTINGS_STORAGE_KEY, { prefix: 'a//b', serverUrl: '' });
    expect(await fake.request({ type: 'load-settings', id: 's1' })).toMatchObject({ settings: { prefix: DEFAULT_SETTINGS.prefix, serverUrl: '' } });
    fake.clientStorage.set(SETTINGS_STORAGE_KEY, { prefix: 'Brand', serverUrl: 'gopher://x' });
    expect(await fake.request({ type: 'load-settings', id: 's2' })).toMatchObject({ settings: { prefix: 'Brand', serverUrl: DEFAULT_SERVER_URL } });
  });

  it('saves and loads the variables and learned-weights choices', async () => {
    const fake = await started();
    await fake.request({ type: 'save-settings', id: 's1', settings: { prefix: 'Chorus', variables: true, useLearnedWeights: true } });
    expect(await fake.request({ type: 'load-settings', id: 's2' })).toMatchObject({ settings: { variables: true, useLearnedWeights: true } });
  });

  it('gives settings stored before variables and learning existed their defaults for both', async () => {
    const fake = await started();
    fake.clientStorage.set(SETTINGS_STORAGE_KEY, { prefix: 'Brand', serverUrl: '' });
    expect(await fake.request({ type: 'load-settings', id: 's1' })).toMatchObject({
      settings: { prefix: 'Brand', serverUrl: '', variables: false, useLearnedWeights: false },
    });
  });

  it('checks the new fields one by one: a bad one takes its default, the good one stays', async () => {
    const fake = await started();
    fake.clientStorage.set(SETTINGS_STORAGE_KEY, { prefix: 'Brand', variables: true, useLearnedWeights: 'yes' });
    expect(await fake.request({ type: 'load-settings', id: 's1' })).toMatchObject({ settings: { prefix: 'Brand', variables: true, useLearnedWeights: false } });
  });

  it.each([
    ['another shape', 'Chorus'],
    ['a list', ['Chorus']],
    ['null', null],
  ])('falls back to DEFAULT_SETTINGS when storage holds %s', async (_, stored) => {
    const fake = await started();
    fake.clientStorage.set(SETTINGS_STORAGE_KEY, stored);
    expect(await fake.request({ type: 'load-settings', id: 's1' })).toMatchObject({ settings: DEFAULT_SETTINGS });
  });

  it('refuses to save a prefix that is not folders separated by single slashes', async () => {
    const fake = await started();
    const reply = await fake.request({ type: 'save-settings', id: 's1', settings: { prefix: '/Chorus' } });
    expect(reply).toMatchObject({ type: 'failed', error: { code: 'BAD_MESSAGE' } });
    expect(fake.clientStorage.size).toBe(0);
  });

  it('reports a storage failure instead of pretending it saved', async () => {
    const fake = await started();
    fake.failNext('clientStorage.setAsync', { message: 'quota exceeded' });
    const reply = pluginMessageSchema.parse(await fake.request({ type: 'save-settings', id: 's1', settings: { prefix: 'X' } }));
    expect(reply).toMatchObject({ type: 'failed', error: { code: 'INTERNAL' } });
    if (reply.type === 'failed') expect(reply.error.message).toContain('quota exceeded');
  });
});
