import { describe, expect, it } from 'vitest';
import { progressiveUrl } from './progressive-url.ts';

describe('progressiveUrl', () => {
  it.each([
    ['http://localhost:8787', 'ws://localhost:8787/api/v1/extract/progressive'],
    ['http://localhost:8787/', 'ws://localhost:8787/api/v1/extract/progressive'],
    ['https://chorus.example.com', 'wss://chorus.example.com/api/v1/extract/progressive'],
    ['https://example.com/chorus/', 'wss://example.com/chorus/api/v1/extract/progressive'],
    ['http://127.0.0.1:9000/?x=1#top', 'ws://127.0.0.1:9000/api/v1/extract/progressive'],
    ['http://[::1]:8787', 'ws://[::1]:8787/api/v1/extract/progressive'],
  ])('%s → %s', (server, socket) => {
    expect(progressiveUrl(server)).toBe(socket);
  });

  it.each(['', 'localhost:8787', 'ftp://localhost:8787'])('refuses %j', (server) => {
    expect(() => progressiveUrl(server)).toThrow(TypeError);
  });
});
