import { describe, expect, it } from 'vitest';
import { blockedOrigins } from './blocked-origins.ts';

const DEV = ['http://localhost:8787', 'ws://localhost:8787'];

describe('blockedOrigins', () => {
  it('allows the development backend the shipped manifest lists', () => {
    expect(blockedOrigins('http://localhost:8787', DEV)).toEqual([]);
    expect(blockedOrigins('http://LOCALHOST:8787/', DEV)).toEqual([]);
  });

  it('names both origins of a backend the manifest does not list', () => {
    expect(blockedOrigins('https://chorus.example.com', DEV)).toEqual(['https://chorus.example.com', 'wss://chorus.example.com']);
    // Another port is another origin.
    expect(blockedOrigins('http://localhost:9000', DEV)).toEqual(['http://localhost:9000', 'ws://localhost:9000']);
  });

  it('allows a deployed backend once the build added its https and wss origins', () => {
    const built = ['https://chorus.example.com', 'wss://chorus.example.com', ...DEV];
    expect(blockedOrigins('https://chorus.example.com/team', built)).toEqual([]);
    // The WebSocket needs its own entry.
    expect(blockedOrigins('https://chorus.example.com', ['https://chorus.example.com'])).toEqual(['wss://chorus.example.com']);
  });

  it('reads entries without a scheme and with a wildcard subdomain as Figma does', () => {
    expect(blockedOrigins('https://chorus.example.com', ['chorus.example.com'])).toEqual([]);
    expect(blockedOrigins('https://chorus.example.com', ['*.example.com'])).toEqual([]);
    expect(blockedOrigins('https://example.com', ['*.example.com'])).toEqual(['https://example.com', 'wss://example.com']);
    expect(blockedOrigins('https://chorus.example.com', ['none'])).toEqual(['https://chorus.example.com', 'wss://chorus.example.com']);
  });

  it('has nothing to say about no server', () => {
    expect(blockedOrigins('', DEV)).toEqual([]);
  });
});
