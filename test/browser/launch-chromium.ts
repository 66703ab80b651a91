import { constants } from 'node:fs';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's package; playwright-core ships no browser of its own. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

export interface LaunchedChromium {
  readonly context: BrowserContext;
  /** Closes the browser and removes its profile directory. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Starts headless Chromium with a fresh, throw-away profile, quiet on the network (no component
 * updates, sync, QUIC or first-run pings) so a test only talks to the servers it started.
 * Throws, never skips, when there is no browser: the UI's only end-to-end proof needs one.
 */
export async function launchChromium(): Promise<LaunchedChromium> {
  const executablePath = process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM_PATH;
  try {
    await access(executablePath, constants.X_OK);
  } catch {
    throw new Error(
      `No Chromium at ${executablePath}. Install it with \`apt-get update && apt-get install -y chromium\`, ` +
        'or set CHROMIUM_PATH to a Chromium or Chrome executable.',
    );
  }
  // Playwright refuses --user-data-dir in args; a persistent context is how it takes a profile directory.
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'chorus-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      timeout: 30_000,
      viewport: { width: 800, height: 600 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
  let closed = false;
  return {
    context,
    async close() {
      if (closed) return;
      closed = true;
      try {
        await context.close();
      } finally {
        await rm(userDataDir, { recursive: true, force: true });
      }
    },
  };
}
