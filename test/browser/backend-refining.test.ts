// End to end with the backend: the built UI (dist/ui.html) in a sandboxed iframe on the figma fake,
// the real backend started in-process on 127.0.0.1, its OpenAI, Anthropic and local-model calls
// answered by the fake providers through the real SDKs. Proves tier 1 shows first, the later tiers
// stream into the panel as they land, Create styles writes the refined palette, and a backend that
// is not there leaves tier 1 fully usable with one line saying why.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type StartedServer } from '../../server/start-server.ts';
import { validColorAnswer, type ColorAnswer } from '../fakes/providers/valid-color-answer.ts';
import { truthAnswer, type FakeProviders } from '../server/test-backend.ts';
import { FRAME_NAME } from './harness/harness-api.ts';
import { prepareBackendSandbox } from './prepare-backend-sandbox.ts';
import { launchChromium, type LaunchedChromium } from './launch-chromium.ts';
import type { FileServer } from './serve-files.ts';
import { serveHarness } from './harness/serve-harness.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The harness's frame (see harness-entry.ts). */
const FIXTURE = 'login-primer-light';
/** Every wait is bounded by this: the whole run, with the delayed provider, takes a few seconds. */
const WAIT_MS = 20_000;
/** How long the fake OpenAI holds its answer: a window in which tier 2 is on screen and tier 3 is not. */
const OPENAI_DELAY_MS = 2_000;
/** Set to a directory to keep screenshots of the panel (for looking, not asserting). */
const SCREENSHOT_DIR = process.env.CHORUS_UI_SCREENSHOTS;

/**
 * OpenAI's answer: the fixture's true palette under semantic names of its own. It is the heaviest
 * model of tier 3, so its names are the ones the consensus keeps.
 */
const OPENAI_NAMES: Readonly<Record<string, string>> = {
  background: 'paper-white',
  surface: 'mist-grey',
  primary: 'signal-blue',
  border: 'fine-rule',
  text: 'ink-black',
  error: 'alarm-red',
  'text-muted': 'pencil-grey',
  secondary: 'amethyst',
};

/** What one palette looked like on screen, recorded in the iframe every time the DOM changed. */
interface Snapshot {
  source: string;
  /** Token keys (roles) flagged as conflicts. */
  conflicts: string[];
  names: string[];
}

declare global {
  interface Window {
    /** Installed in the UI's iframe by `recordPalettes`. */
    chorusSnapshots?: Snapshot[];
  }
}

describe('Chorus UI streaming tiers 2–4 from the backend', () => {
  let chromium: LaunchedChromium | undefined;
  let files: FileServer | undefined;
  let fakes: FakeProviders | undefined;
  let dataDir: string | undefined;
  let configPath: string;
  const backends: StartedServer[] = [];
  /** Page errors, console errors and warnings from the harness and the iframe of the current test. */
  let problems: string[] = [];
  /** Console errors a test expects (the browser's own report of a refused connection), matched and removed. */
  let expected: RegExp[] = [];

  beforeAll(async () => {
    files = await serveHarness(FIXTURE);
    ({ fakes, dataDir, configPath } = await prepareBackendSandbox(FIXTURE, 'chorus-ui-backend-'));
    chromium = await launchChromium();
  });

  afterAll(async () => {
    try {
      await chromium?.close();
    } finally {
      await Promise.all(backends.map((b) => b.close()));
      await Promise.all([files?.close(), fakes?.close()]);
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    }
  });

  afterEach(async () => {
    const unexpected = problems.filter((problem) => {
      const i = expected.findIndex((pattern) => pattern.test(problem));
      if (i === -1) return true;
      expected.splice(i, 1);
      return false;
    });
    expect(expected, 'console errors the test expected but did not see').toEqual([]);
    expect(unexpected, 'errors logged in the page').toEqual([]);
    problems = [];
    expected = [];
  });

  /** The real backend on 127.0.0.1 (an ephemeral port unless given), with its own ledger and cache. */
  async function startBackend(port = 0, env: Readonly<Record<string, string>> = {}): Promise<StartedServer> {
    if (!fakes || !dataDir) throw new Error('the fakes did not start');
    const own = await mkdtemp(path.join(dataDir, 'data-'));
    const backend = await startServer(
      { ...fakes.env, PORT: String(port), HOST: '127.0.0.1', CHORUS_DATA_DIR: own, CHORUS_EXTRACTORS_CONFIG: configPath, ...env },
      'test',
    );
    backends.push(backend);
    return backend;
  }

  /** A fresh harness tab (a new fake figma) with its problems collected and every wait bounded. */
  async function openHarness(query = ''): Promise<{ page: Page; ui: FrameLocator; frame: Frame }> {
    if (!chromium || !files) throw new Error('the browser or the file server did not start');
    const page = await chromium.context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    page.setDefaultNavigationTimeout(WAIT_MS);
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console.${message.type()}: ${message.text()}`);
    });
    await page.goto(`${files.url}/harness.html${query}`);
    await page.waitForFunction(() => window.chorusHarness !== undefined || window.chorusHarnessFailure !== undefined, undefined, { timeout: WAIT_MS });
    const failure = await page.evaluate(() => window.chorusHarnessFailure);
    if (failure) throw new Error(`the harness page did not start: ${failure}`);
    const frame = await (await page.locator('iframe[title="Chorus"]').elementHandle())?.contentFrame();
    if (!frame) throw new Error('the Chorus iframe has no frame');
    return { page, ui: page.frameLocator('iframe[title="Chorus"]'), frame };
  }

  it('shows tier 1 first, streams the later tiers into the panel, and writes the refined palette', async () => {
    if (!fakes) throw new Error('the fakes did not start');
    const backend = await startBackend();
    const truth = truthAnswer(FIXTURE);
    // The local model calls the muted text grey (a colour CV measured) the border: two independent
    // voters split on a role, so tier 2 shows a conflict, which the paid tier settles. (A colour no
    // pixel has, from one model alone, is an invention, not a conflict: see the vote in docs/protocol.md.)
    fakes.local.script({ reply: withColor(truth, 'border', '#656d76') });
    fakes.openai.script({ reply: withNames(truth, OPENAI_NAMES), delayMs: OPENAI_DELAY_MS });

    const { page, ui, frame } = await openHarness();
    // The designer points Chorus at the backend through the settings field.
    await ui.getByRole('button', { name: 'Settings' }).click();
    const server = ui.getByLabel('Chorus server');
    await expect.poll(() => server.inputValue(), { timeout: WAIT_MS }).toBe('http://localhost:8787');
    await server.fill(backend.url);
    await screenshot(page, 'settings');
    await server.press('Tab');
    await expect.poll(() => page.evaluate(() => window.chorusHarness?.clientStorageText() ?? ''), { timeout: WAIT_MS }).toContain(backend.url);
    await ui.getByRole('button', { name: 'Settings' }).click();

    await recordPalettes(frame);
    await page.evaluate(() => window.chorusHarness?.selectFrame());
    await ui.getByText(FRAME_NAME).waitFor();
    await ui.getByRole('button', { name: 'Extract palette' }).click();

    // While OpenAI thinks: tier 2 has landed, the local model is done, OpenAI is running.
    const refining = ui.getByTestId('refining');
    await refining.locator('[data-extractor="local-vision"][data-state="done"]').waitFor();
    await refining.locator('[data-extractor="openai"][data-state="running"]').waitFor();
    // Tier 1 ran in the plugin and went as votes: the server's copy of it is not listed.
    expect(await refining.locator('[data-extractor="flat-regions"]').count()).toBe(0);
    // Tier 2's vote is on screen, the border a conflict between the candidates.
    const border = ui.locator('[data-testid="swatch"][data-key="border"]');
    expect(await border.getByTestId('conflict').textContent()).toMatch(/Conflict.*D0D7DE.*656D76/);
    await border.scrollIntoViewIfNeeded();
    await screenshot(page, 'streaming');

    await refining.locator('[data-extractor="openai"][data-state="done"]').waitFor();
    await expect.poll(() => refining.getAttribute('data-phase'), { timeout: WAIT_MS }).toBe('complete');
    await screenshot(page, 'refined');

    const snapshots = await frame.evaluate(() => window.chorusSnapshots ?? []);
    const sources = snapshots.map((s) => s.source);
    // Tier 1 from the plugin came first, before anything from the backend; then each tier in order.
    expect(sources[0]).toBe('Tier 1 · plugin');
    expect(sources.indexOf('Tier 2')).toBeGreaterThan(0);
    expect(sources.indexOf('Tier 3')).toBeGreaterThan(sources.indexOf('Tier 2'));
    // Tier 2 showed the border as a conflict; tier 3 settled it and named the colours.
    expect(snapshots.find((s) => s.source === 'Tier 2')?.conflicts).toContain('border');
    const final = snapshots.at(-1)!;
    expect(final.conflicts).toEqual([]);
    expect(final.names).toContain('signal-blue');
    const primary = ui.locator('[data-testid="swatch"][data-key="primary"]');
    expect(await primary.getByTestId('swatch-name').textContent()).toBe('signal-blue');

    // The run's cost so far against its budget; Anthropic's deep tier was not needed.
    expect(await ui.getByTestId('refining-meta').textContent()).toMatch(/\$0\.\d{4} of \$0\.10/);
    expect(await refining.locator('[data-extractor="anthropic-deep"]').getAttribute('data-state')).toBe('skipped');
    expect(await refining.locator('[data-extractor="anthropic-deep"]').getAttribute('title')).toContain('Tier 3 left no doubt');

    await ui.getByRole('button', { name: 'Create styles' }).click();
    await ui.getByTestId('write-summary').waitFor();
    const styles = await page.evaluate(() => window.chorusHarness?.styles() ?? []);
    const byName = new Map(styles.map((s) => [s.name, s]));
    // The secondary colour only the models saw is written too: the refined palette, not tier 1's.
    expect([...byName.keys()].sort()).toEqual(Object.keys(OPENAI_NAMES).map((role) => `Chorus/${role}`).sort());
    const written = byName.get('Chorus/primary')!;
    expect(written.description).toContain('#0969da');
    expect(written.description).toContain('Name: signal-blue');
    expect(written.description).toMatch(/Confidence: 9\d%/);
    expect(written.description).toMatch(/Voted by: .*openai/);
    expect(byName.get('Chorus/border')?.description).toContain('#d0d7de');
    await page.close();
  });

  it('reaches a team server that needs a token with the one the designer pastes in Settings, and keeps it out of the file', async () => {
    const token = 'team-token-0123456789abcdef0123456789';
    const backend = await startBackend(0, { CHORUS_TOKEN: token });
    // Without the token the server refuses the socket: the browser reports the failed upgrade.
    expected = [/WebSocket connection to .*\/api\/v1\/extract\/progressive' failed/];
    const { page, ui } = await openHarness(`?serverUrl=${encodeURIComponent(backend.url)}`);
    await page.evaluate(() => window.chorusHarness?.selectFrame());
    await ui.getByText(FRAME_NAME).waitFor();
    await ui.getByRole('button', { name: 'Extract palette' }).click();
    const problem = ui.getByTestId('backend-problem');
    await problem.waitFor();

    // The problem's own way to Settings, where the token goes.
    await problem.getByRole('button', { name: 'Settings' }).click();
    const field = ui.getByLabel('Access token');
    expect(await field.getAttribute('type')).toBe('password');
    await field.fill(` ${token} `);
    await field.press('Enter');
    await expect.poll(() => page.evaluate(() => window.chorusHarness?.clientStorageText() ?? ''), { timeout: WAIT_MS }).toContain(`"accessToken":"${token}"`);
    await ui.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => ui.getByTestId('refining').getAttribute('data-phase'), { timeout: WAIT_MS }).toBe('complete');
    expect(await ui.getByTestId('palette-source').textContent()).toMatch(/^Tier [234]$/);

    await ui.getByRole('button', { name: 'Create styles' }).click();
    await ui.getByTestId('write-summary').waitFor();
    // The credential lives on this computer only: nothing Chorus wrote into the file carries it.
    const styles = await page.evaluate(() => window.chorusHarness?.styles() ?? []);
    expect(styles.length).toBeGreaterThan(0);
    expect(JSON.stringify(styles)).not.toContain(token);
    await page.close();
  });

  it('keeps tier 1 usable when the backend is not there, says why in one line, and retries', async () => {
    const port = await closedPort();
    const url = `http://127.0.0.1:${port}`;
    // Chromium itself reports a refused WebSocket in the console; that is the one error expected.
    expected = [new RegExp(`WebSocket connection to 'ws://127\\.0\\.0\\.1:${port}/api/v1/extract/progressive' failed`)];
    const { page, ui } = await openHarness(`?serverUrl=${encodeURIComponent(url)}`);
    await page.evaluate(() => window.chorusHarness?.selectFrame());
    await ui.getByText(FRAME_NAME).waitFor();
    await ui.getByRole('button', { name: 'Extract palette' }).click();

    const problem = ui.getByTestId('backend-problem');
    await problem.waitFor();
    expect(await problem.getAttribute('data-code')).toBe('UNREACHABLE');
    // The harness runs the built UI, whose manifest lists localhost:8787 only: in Figma this address
    // would be blocked by the manifest, and that is the cause the designer is told.
    expect(await problem.locator('p').textContent()).toBe(
      `Figma blocked the connection to ${url}: this build of Chorus may only reach the servers in its manifest. Build it for this server with CHORUS_BACKEND_URL=${url} npm run build and import dist/manifest.json, or change the server in settings.`,
    );
    expect(await ui.getByTestId('palette-source').textContent()).toBe('Tier 1 · plugin');
    const swatches = await ui.getByTestId('swatch').count();
    expect(swatches).toBeGreaterThan(0);
    await screenshot(page, 'unreachable');

    // Tier 1 is fully usable: it writes as it always did.
    await ui.getByRole('button', { name: 'Create styles' }).click();
    await expect.poll(() => ui.getByTestId('write-summary').textContent(), { timeout: WAIT_MS }).toBe(`${swatches} created · 0 updated · 0 unchanged`);

    // The designer starts the backend and retries: the run goes through.
    await startBackend(port);
    await ui.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => ui.getByTestId('refining').getAttribute('data-phase'), { timeout: WAIT_MS }).toBe('complete');
    expect(await ui.getByTestId('palette-source').textContent()).toMatch(/^Tier [234]$/);
    // Written before the refinement landed: the panel says the styles are behind.
    await ui.getByTestId('refined-since').waitFor();
    await page.close();
  });
});

/** The truth answer with one role's colour changed. */
function withColor(answer: ColorAnswer, role: string, hex: string): ColorAnswer {
  return validColorAnswer(answer.colors.map((c) => (c.role === role ? { ...c, hex } : c)));
}

/** The truth answer under other names. */
function withNames(answer: ColorAnswer, names: Readonly<Record<string, string>>): ColorAnswer {
  return validColorAnswer(answer.colors.map((c) => ({ ...c, name: names[c.role] ?? c.name })));
}

/**
 * Records, inside the UI's iframe, every palette the panel shows (its source label, conflicts and
 * names), so the order of what the designer saw can be checked after the fact, free of timing.
 */
async function recordPalettes(frame: Frame): Promise<void> {
  await frame.evaluate(() => {
    const snapshots: Snapshot[] = [];
    window.chorusSnapshots = snapshots;
    let last = '';
    const record = (): void => {
      const source = document.querySelector('[data-testid="palette-source"]')?.textContent;
      if (!source) return;
      const swatches = [...document.querySelectorAll<HTMLElement>('[data-testid="swatch"]')];
      const snapshot: Snapshot = {
        source,
        conflicts: swatches.filter((s) => s.querySelector('[data-testid="conflict"]')).map((s) => s.dataset['key'] ?? ''),
        names: swatches.map((s) => s.querySelector('[data-testid="swatch-name"]')?.textContent ?? '').filter(Boolean),
      };
      const key = JSON.stringify(snapshot);
      if (key !== last) snapshots.push(snapshot);
      last = key;
    };
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

/** A port nothing listens on: one the OS just handed out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no TCP port');
  return address.port;
}

async function screenshot(page: Page, state: string): Promise<void> {
  if (!SCREENSHOT_DIR) return;
  await page.locator('iframe[title="Chorus"]').screenshot({ path: path.join(SCREENSHOT_DIR, `chorus-ui-backend-${state}.png`) });
}
