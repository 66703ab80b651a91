import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../core/messages/plugin-messages.ts';
import { ONE_PIXEL_PNG } from '../../../test/fakes/one-pixel-png.ts';
import type { OpenRunSocket } from '../../backend/run-socket.ts';
import { ChorusError } from '../../chorus-error.ts';
import { PLAYGROUND_SETTINGS_KEY, type SettingsStorage } from './create-browser-plugin.ts';
import { createBrowserHost } from './create-browser-host.ts';
import { fetchWithToken, socketWithToken } from '../../backend/with-token.ts';

function memoryStorage(initial: Record<string, string> = {}): SettingsStorage & { readonly items: Map<string, string> } {
  const items = new Map(Object.entries(initial));
  return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

const PAGE = 'http://127.0.0.1:8787/';

describe('createBrowserHost: the playground answers the channel in the page', () => {
  it('uses the server that served the page, keeping a proxy’s path prefix and dropping the query', async () => {
    const host = createBrowserHost({ pageUrl: 'https://tools.example/chorus/?token=abc', storage: memoryStorage() });
    const { settings } = await host.channel.request({ type: 'load-settings' });
    expect(settings.serverUrl).toBe('https://tools.example/chorus/');
    expect(createBrowserHost({ pageUrl: PAGE, storage: memoryStorage() }).can).toMatchObject({ writeStyles: false, fileReview: false, fileTokens: false, reviewInPalette: true });
  });

  it('keeps settings in localStorage, always with its own server, without learned weights and without a token', async () => {
    const storage = memoryStorage();
    const host = createBrowserHost({ pageUrl: PAGE, storage });
    expect((await host.channel.request({ type: 'load-settings' })).settings).toEqual({ ...DEFAULT_SETTINGS, serverUrl: PAGE });
    await host.channel.request({
      type: 'save-settings',
      settings: { prefix: 'Brand', serverUrl: 'http://elsewhere.example', accessToken: 'secret-of-another-server', variables: true, useLearnedWeights: true },
    });
    expect(JSON.parse(storage.items.get(PLAYGROUND_SETTINGS_KEY) ?? '{}')).toMatchObject({ prefix: 'Brand', accessToken: '' });
    const again = createBrowserHost({ pageUrl: PAGE, storage });
    expect((await again.channel.request({ type: 'load-settings' })).settings).toEqual({ prefix: 'Brand', serverUrl: PAGE, accessToken: '', variables: true, useLearnedWeights: false });
  });

  it('falls back to the defaults when what is stored is not settings', async () => {
    const host = createBrowserHost({ pageUrl: PAGE, storage: memoryStorage({ [PLAYGROUND_SETTINGS_KEY]: '{not json' }) });
    expect((await host.channel.request({ type: 'load-settings' })).settings.prefix).toBe(DEFAULT_SETTINGS.prefix);
  });

  it('makes the image given the selection, pushed as Figma pushes a selection change, and exports its bytes as they are', async () => {
    const host = createBrowserHost({ pageUrl: PAGE, storage: memoryStorage() });
    expect((await host.channel.request({ type: 'get-selection' })).nodes).toEqual([]);
    await expect(host.channel.request({ type: 'export-selection' })).rejects.toMatchObject({ code: 'NO_SELECTION' });

    const pushed = new Promise((resolve) => host.channel.onSelectionChanged((message) => resolve(message.nodes)));
    await host.images?.put(new Blob([ONE_PIXEL_PNG.slice()], { type: 'image/png' }), 'shot.png');
    expect(await pushed).toEqual([{ id: 'image-1', name: 'shot.png', exportable: true }]);
    const { images } = await host.channel.request({ type: 'export-selection' });
    expect(images).toHaveLength(1);
    expect(images[0]?.name).toBe('shot.png');
    expect([...(images[0]?.png ?? [])]).toEqual([...ONE_PIXEL_PNG]);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const host = createBrowserHost({ pageUrl: PAGE, storage: memoryStorage() });
    const huge = new Blob([new Uint8Array(21 * 1024 * 1024)]);
    const put = host.images?.put(huge, 'huge.png');
    await expect(put).rejects.toBeInstanceOf(ChorusError);
    await expect(put).rejects.toMatchObject({ code: 'DECODE_FAILED', message: expect.stringContaining('huge.png') });
  });

  it('answers what needs a Figma file with a failure that says so', async () => {
    const host = createBrowserHost({ pageUrl: PAGE, storage: memoryStorage() });
    await expect(host.channel.request({ type: 'export-file-tokens', prefix: 'Chorus' })).rejects.toMatchObject({ message: expect.stringContaining('Figma file') });
    await expect(host.channel.request({ type: 'select-node', nodeId: '1:2' })).rejects.toMatchObject({ code: 'BAD_MESSAGE' });
    expect(await host.channel.request({ type: 'list-reviews' })).toMatchObject({ reviews: [], learning: {} });
  });

  it('reaches the backend with the page’s token, and without one when there is none', () => {
    expect(createBrowserHost({ pageUrl: PAGE, storage: memoryStorage() }).backend).toBeUndefined();
    const host = createBrowserHost({ pageUrl: `${PAGE}?token=s3cret%2Bx`, storage: memoryStorage() });
    expect(host.backend?.openSocket).toBeDefined();
    expect(host.backend?.fetch).toBeDefined();
  });
});

describe('the token on backend calls', () => {
  it('adds ?token= to the WebSocket address, keeping the rest', () => {
    const opened: string[] = [];
    const open: OpenRunSocket = (url) => {
      opened.push(url);
      return { send() {}, close() {} };
    };
    socketWithToken(open, 'a+b/c')('ws://127.0.0.1:8787/api/v1/extract/progressive', { onOpen() {}, onMessage() {}, onClose() {} });
    expect(opened).toEqual(['ws://127.0.0.1:8787/api/v1/extract/progressive?token=a%2Bb%2Fc']);
  });

  it('adds Authorization: Bearer to fetch, keeping the caller’s headers', async () => {
    const seen: Headers[] = [];
    const base: typeof fetch = async (_input, init) => {
      seen.push(new Headers(init?.headers));
      return new Response('{}');
    };
    await fetchWithToken('tok', base)('http://127.0.0.1:8787/api/v1/decisions', { method: 'POST', headers: { 'content-type': 'application/json' } });
    expect(seen[0]?.get('authorization')).toBe('Bearer tok');
    expect(seen[0]?.get('content-type')).toBe('application/json');
  });
});
