import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { configWithTimeouts, startFakeProviders, type FakeProviders } from '../server/test-backend.ts';

/**
 * What a browser test needs before it starts a real backend: fake providers answering for
 * `fixture`, a fresh data directory, and an extractors config there with every timeout cut to
 * 10 s, so nothing can hang for long. The caller closes the fakes and removes the directory.
 */
export async function prepareBackendSandbox(fixture: string, dirPrefix: string): Promise<{ fakes: FakeProviders; dataDir: string; configPath: string }> {
  const fakes = await startFakeProviders(fixture);
  const dataDir = await mkdtemp(path.join(tmpdir(), dirPrefix));
  const configPath = path.join(dataDir, 'extractors.json');
  await writeFile(configPath, JSON.stringify(configWithTimeouts(10_000)));
  return { fakes, dataDir, configPath };
}
