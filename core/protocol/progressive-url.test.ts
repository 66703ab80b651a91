import { describe, expect, it } from 'vitest';
import { progressiveUrl } from './progressive-url.ts';

describe('progressiveUrl', () => {
  it('turns a backend address into its WebSocket route', () => {
    expect(progressiveUrl('http://localhost:8787')).toBe('ws://localhost:8787/api/v1/extract/progressive');
    expect(progressiveUrl(' https://chorus.example/ ')).toBe('wss://chorus.example/api/v1/extract/progressive');
    expect(progressiveUrl('https://proxy.example/chorus/?x=1#y')).toBe('wss://proxy.example/chorus/api/v1/extract/progressive');
    expect(progressiveUrl('http://[::1]:8787/api/v1/extract/progressive')).toBe('ws://[::1]:8787/api/v1/extract/progressive');
  });

  it.each([
    ['http://localhost:8787/', 'ws://localhost:8787/api/v1/extract/progressive'],
    ['https://example.com/chorus/', 'wss://example.com/chorus/api/v1/extract/progressive'],
    ['http://127.0.0.1:9000/?x=1#top', 'ws://127.0.0.1:9000/api/v1/extract/progressive'],
  ])('%s → %s', (server, socket) => {
    expect(progressiveUrl(server)).toBe(socket);
  });

  it('refuses what is not an http(s) address', () => {
    for (const bad of ['ws://localhost', 'localhost:8787', 'ftp://x', '']) expect(() => progressiveUrl(bad)).toThrow(TypeError);
  });
});
