import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { backendOrigins, builtManifest, reachableDomains, type ManifestSource } from '../../scripts/lib/built-manifest.mjs';

const root = new URL('../../', import.meta.url);

async function sourceManifest(): Promise<ManifestSource> {
  return JSON.parse(await readFile(new URL('manifest.json', root), 'utf8')) as ManifestSource;
}

describe('the built manifest (dist/manifest.json)', () => {
  it('points at the bundles beside it and keeps development access only, without a backend URL', async () => {
    const source = await sourceManifest();
    const manifest = builtManifest(source, undefined);
    expect(manifest).toMatchObject({ main: 'plugin.js', ui: 'ui.html', id: source['id'], documentAccess: 'dynamic-page' });
    expect(manifest.networkAccess).toEqual(source.networkAccess);
    expect(reachableDomains(manifest)).toEqual(['http://localhost:8787', 'ws://localhost:8787']);
  });

  it('allows a deployed backend’s https and wss origins, with a reasoning line naming them', async () => {
    const manifest = builtManifest(await sourceManifest(), 'https://Chorus.Example.com/team/');
    expect(manifest.networkAccess.allowedDomains).toEqual(['https://chorus.example.com', 'wss://chorus.example.com']);
    expect(manifest.networkAccess.reasoning).toContain('https://chorus.example.com');
    expect(manifest.networkAccess.reasoning).toContain('wss://chorus.example.com');
    expect(manifest.networkAccess.devAllowedDomains).toEqual(['http://localhost:8787', 'ws://localhost:8787']);
  });

  it('keeps a port, and pairs http with ws for a backend without TLS', () => {
    expect(backendOrigins('https://chorus.example.com:8443')).toEqual({ http: 'https://chorus.example.com:8443', ws: 'wss://chorus.example.com:8443' });
    expect(backendOrigins('http://10.0.0.5:8787')).toEqual({ http: 'http://10.0.0.5:8787', ws: 'ws://10.0.0.5:8787' });
  });

  it.each(['chorus.example.com', 'ftp://chorus.example.com', 'https://', 'https://user:pw@chorus.example.com'])('refuses %s with a sentence', (url) => {
    expect(() => backendOrigins(url)).toThrow(/CHORUS_BACKEND_URL must be an http:\/\/ or https:\/\/ address/);
  });

  it('stops the build with that sentence, before writing anything, for a bad CHORUS_BACKEND_URL', async () => {
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = execFile(process.execPath, ['scripts/build.mjs'], { cwd: root, env: { ...process.env, CHORUS_BACKEND_URL: 'chorus.example.com' }, timeout: 60_000 }, () => {});
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (code) => resolve({ code, stderr }));
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('CHORUS_BACKEND_URL must be an http:// or https:// address');
  });
});
