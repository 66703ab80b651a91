import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UiRequest } from '../core/messages/plugin-messages.ts';
import { ChorusError } from './chorus-error.ts';
import { createPluginChannel, type PluginChannelOptions } from './plugin-channel.ts';
import type { PluginTransport } from './plugin-transport.ts';

function fakeTransport() {
  const sent: UiRequest[] = [];
  let listener: ((message: unknown) => void) | null = null;
  const transport: PluginTransport = {
    send: (message) => void sent.push(message),
    listen(next) {
      listener = next;
      return () => {
        listener = null;
      };
    },
  };
  return { transport, sent, deliver: (message: unknown) => listener?.(message), isListening: () => listener !== null };
}

function setup(options: Partial<PluginChannelOptions> = {}) {
  const wire = fakeTransport();
  const warnings: string[] = [];
  const channel = createPluginChannel({ transport: wire.transport, warn: (m) => void warnings.push(m), idPrefix: 't', ...options });
  return { ...wire, warnings, channel };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('createPluginChannel', () => {
  it('matches replies to requests by id, whatever order they arrive in', async () => {
    const { channel, sent, deliver } = setup();
    const load = channel.request({ type: 'load-settings' });
    const save = channel.request({ type: 'save-settings', settings: { prefix: 'Brand', serverUrl: 'http://localhost:8787', accessToken: '', variables: false, useLearnedWeights: false } });
    expect(sent.map((m) => [m.type, m.id])).toEqual([
      ['load-settings', 't-1'],
      ['save-settings', 't-2'],
    ]);
    deliver({ type: 'save-settings-done', id: 't-2' });
    deliver({ type: 'load-settings-done', id: 't-1', settings: { prefix: 'Chorus' } });
    await expect(save).resolves.toEqual({ type: 'save-settings-done', id: 't-2' });
    await expect(load).resolves.toMatchObject({ settings: { prefix: 'Chorus' } });
  });

  it("rejects with the plugin's own code and message on `failed`", async () => {
    const { channel, deliver } = setup();
    const exported = channel.request({ type: 'export-selection' });
    deliver({ type: 'failed', id: 't-1', error: { code: 'NO_SELECTION', message: 'Select a frame.' } });
    const error = await exported.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChorusError);
    expect(error).toMatchObject({ code: 'NO_SELECTION', message: 'Select a frame.' });
  });

  it('drops a malformed message whole, with a warning naming the problem', async () => {
    const { channel, deliver, warnings } = setup();
    const load = channel.request({ type: 'load-settings' });
    deliver({ type: 'load-settings-done', id: 't-1', settings: { prefix: '' } });
    deliver({ type: 'no-such-message', id: 't-1' });
    deliver('hello');
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/malformed.*settings\.prefix/);
    deliver({ type: 'load-settings-done', id: 't-1', settings: { prefix: 'Chorus' } });
    await expect(load).resolves.toMatchObject({ settings: { prefix: 'Chorus' } });
  });

  it('rejects a reply of the wrong type for its request', async () => {
    const { channel, deliver, warnings } = setup();
    const load = channel.request({ type: 'load-settings' });
    deliver({ type: 'save-settings-done', id: 't-1' });
    await expect(load).rejects.toMatchObject({ code: 'BAD_MESSAGE' });
    expect(warnings).toHaveLength(1);
  });

  it('warns about a reply nobody is waiting for', () => {
    const { deliver, warnings } = setup();
    deliver({ type: 'save-settings-done', id: 't-9' });
    expect(warnings[0]).toMatch(/unknown request "t-9"/);
  });

  it('refuses to send a request the contract rejects', async () => {
    const { channel, sent } = setup();
    await expect(channel.request({ type: 'save-settings', settings: { prefix: 'a//b', serverUrl: '', accessToken: '', variables: false, useLearnedWeights: false } })).rejects.toMatchObject({
      code: 'BAD_MESSAGE',
    });
    expect(sent).toEqual([]);
  });

  it('times out a request Figma never answers, and ignores the late reply', async () => {
    vi.useFakeTimers();
    const { channel, deliver, warnings } = setup({ timeoutMs: { 'load-settings': 1_000 } });
    const load = channel.request({ type: 'load-settings' });
    const settled = expect(load).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/within 1 s/) });
    await vi.advanceTimersByTimeAsync(1_000);
    await settled;
    deliver({ type: 'load-settings-done', id: 't-1', settings: { prefix: 'Chorus' } });
    expect(warnings[0]).toMatch(/unknown request/);
  });

  it('hands selection pushes to listeners until they unsubscribe', () => {
    const { channel, deliver } = setup();
    const seen: string[][] = [];
    const stop = channel.onSelectionChanged((m) => seen.push(m.nodes.map((n) => n.name)));
    deliver({ type: 'selection-changed', nodes: [{ id: '1:2', name: 'Login', exportable: true }] });
    stop();
    deliver({ type: 'selection-changed', nodes: [] });
    expect(seen).toEqual([['Login']]);
  });

  it('rejects what is pending and stops listening when closed', async () => {
    const { channel, isListening } = setup();
    const load = channel.request({ type: 'load-settings' });
    channel.close();
    await expect(load).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(isListening()).toBe(false);
  });
});
