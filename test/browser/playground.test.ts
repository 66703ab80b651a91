// End to end, Chorus without Figma: the real backend started in-process on 127.0.0.1 serves the
// built playground (dist/playground.html + .js) at `/`, its model calls answered by the fake
// providers through the real SDKs, one of them held back so the tiers arrive visibly apart. In
// headless Chromium a designer uploads a screenshot, sees tier 1 (computed in the page) and then
// each later tier, settles the conflict the models leave in the palette itself, and downloads the
// tokens as DTCG, which the test reads back with core's own DTCG reader. Also: a pasted JPEG, the
// dashboard's plots after a run, and a token-protected server (with a dropped screenshot).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Jimp } from 'jimp';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fromDtcg } from '../../core/tokens/from-dtcg.ts';
import { TOKEN_FILES } from '../../core/tokens/format-tokens.ts';
import { startServer, type StartedServer } from '../../server/start-server.ts';
import { validColorAnswer, type ColorAnswer } from '../fakes/providers/valid-color-answer.ts';
import { truthAnswer, type FakeProviders } from '../server/test-backend.ts';
import { prepareBackendSandbox } from './prepare-backend-sandbox.ts';
import { launchChromium, type LaunchedChromium } from './launch-chromium.ts';
import { readBuilt } from './read-built-ui.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const screens = path.resolve(repoRoot, 'test/fixtures/screens');
const FIXTURE = 'login-primer-light';
const FIXTURE_PATH = path.join(screens, `${FIXTURE}.png`);
/** Every wait is bounded by this: a run through every tier on the fakes takes a few seconds. */
const WAIT_MS = 20_000;
/** How long the fake OpenAI holds its answer: a window in which tier 2 is on screen and tier 3 is not. */
const OPENAI_DELAY_MS = 2_000;
/** A desktop browser window: the playground is a centred column in it. */
const DESKTOP = { width: 1280, height: 900 };
/** Set to a directory to keep screenshots of the playground (for looking, not asserting). */
const SCREENSHOT_DIR = process.env.CHORUS_UI_SCREENSHOTS;
/** As long as start-server.ts insists a token be. */
const TOKEN = 'playground-e2e-token-0123456789abcdef';

/** The fixture's true colours (its generator's record). */
const TRUTH = { background: '#ffffff', primary: '#0969da', border: '#d0d7de' } as const;
/** What the models call the border: with the shipped weights against CV's, no value has 60 % of the vote. */
const MODELS_BORDER = '#8c959f';

/** What one palette looked like on screen, recorded in the page every time the DOM changed. */
interface PlaygroundSnapshot {
  source: string;
  conflicts: string[];
}

declare global {
  interface Window {
    /** Installed in the playground by `recordPalettes`. */
    chorusPlaygroundSnapshots?: PlaygroundSnapshot[];
  }
}

describe('the playground: Chorus in a browser, served by the backend', () => {
  let chromium: LaunchedChromium | undefined;
  let fakes: FakeProviders | undefined;
  let dataDir: string | undefined;
  let configPath: string;
  const backends: StartedServer[] = [];
  let page: Page | undefined;
  /** Page errors, console errors and warnings of the current test. */
  let problems: string[] = [];
  /** Console errors a test expects (the browser's own report of a refused WebSocket), matched and removed. */
  let expected: RegExp[] = [];

  beforeAll(async () => {
    // The backend serves what the build wrote; refuse to test a stale one.
    await Promise.all([readBuilt(repoRoot, 'dist/playground.js'), readBuilt(repoRoot, 'dist/playground.html')]);
    ({ fakes, dataDir, configPath } = await prepareBackendSandbox(FIXTURE, 'chorus-playground-'));
    chromium = await launchChromium();
    await chromium.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  });

  afterAll(async () => {
    try {
      await chromium?.close();
    } finally {
      await Promise.all(backends.map((b) => b.close()));
      await fakes?.close();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    }
  });

  afterEach(async () => {
    await page?.close();
    page = undefined;
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

  /** The real backend on 127.0.0.1 and an ephemeral port, with its own ledger and cache. */
  async function startBackend(env: Record<string, string> = {}): Promise<StartedServer> {
    if (!fakes || !dataDir) throw new Error('the fakes did not start');
    const own = await mkdtemp(path.join(dataDir, 'data-'));
    const backend = await startServer(
      { ...fakes.env, PORT: '0', HOST: '127.0.0.1', CHORUS_DATA_DIR: own, CHORUS_EXTRACTORS_CONFIG: configPath, ...env },
      'test',
    );
    backends.push(backend);
    return backend;
  }

  /** A fresh tab at `url`, desktop-sized, its problems collected and every wait bounded. */
  async function open(url: string): Promise<Page> {
    if (!chromium) throw new Error('the browser did not start');
    const opened = await chromium.context.newPage();
    page = opened;
    await opened.setViewportSize(DESKTOP);
    opened.setDefaultTimeout(WAIT_MS);
    opened.setDefaultNavigationTimeout(WAIT_MS);
    opened.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    opened.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console.${message.type()}: ${message.text()}`);
    });
    const response = await opened.goto(url);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toBe('text/html; charset=UTF-8');
    return opened;
  }

  it('runs tier 1 in the page, streams the later tiers, settles a conflict in the palette and downloads valid DTCG', async () => {
    if (!fakes) throw new Error('the fakes did not start');
    const backend = await startBackend();
    const disagree = withColor(truthAnswer(FIXTURE), 'border', MODELS_BORDER);
    // Tier 2's local model and tier 3's models call the border darker than CV measured; OpenAI takes its time.
    fakes.local.script({ reply: disagree });
    fakes.openai.script({ reply: disagree, delayMs: OPENAI_DELAY_MS });
    fakes.anthropic.script({ reply: disagree });

    const page = await open(`${backend.url}/`);
    await page.getByTestId('drop-zone').waitFor();
    await screenshot(page, 'idle');
    // What needs a Figma file is not offered.
    expect(await page.getByRole('button', { name: 'Create styles' }).count()).toBe(0);
    expect(await page.getByRole('tab').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Settings' }).count()).toBe(0);
    expect(await page.getByText('Extract palette').count()).toBe(0);

    await recordPalettes(page);
    await page.getByTestId('image-file').setInputFiles(FIXTURE_PATH);
    await page.getByTestId('selection').getByText(`${FIXTURE}.png`).waitFor();

    // While OpenAI thinks: tier 2 is on screen with the border a conflict, tier 3 is not.
    const refining = page.getByTestId('refining');
    await refining.locator('[data-extractor="local-vision"][data-state="done"]').waitFor();
    await refining.locator('[data-extractor="openai"][data-state="running"]').waitFor();
    const border = page.locator('[data-testid="swatch"][data-key="border"]');
    await border.getByTestId('conflict').waitFor();
    await screenshot(page, 'streaming');

    await expect.poll(() => refining.getAttribute('data-phase'), { timeout: WAIT_MS }).toBe('complete');
    const sources = (await page.evaluate(() => window.chorusPlaygroundSnapshots ?? [])).map((s) => s.source);
    // Tier 1 from the page came first, then each of the backend's tiers in order.
    expect(sources[0]).toBe('Tier 1 · browser');
    expect(sources.indexOf('Tier 2')).toBeGreaterThan(0);
    expect(sources.indexOf('Tier 3')).toBeGreaterThan(sources.indexOf('Tier 2'));
    expect(await page.getByTestId('palette-source').textContent()).toMatch(/^Tier [34]$/);
    // The models' names arrived with the later tiers.
    expect(await page.locator('[data-testid="swatch"][data-key="primary"]').getByTestId('swatch-name').textContent()).toBe('primary-tone');

    // The designer settles the border: CV's measured value.
    expect(await border.getByTestId('pick').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-hex')))).toContain(MODELS_BORDER);
    await border.locator(`[data-testid="pick"][data-hex="${TRUTH.border}"]`).click();
    await border.getByTestId('picked').waitFor();
    expect(await border.getAttribute('data-hex')).toBe(TRUTH.border);
    await screenshot(page, 'picked');
    // The pick is evidence for the dashboard.
    await expect.poll(async () => ((await (await fetch(`${backend.url}/api/v1/metrics`)).json()) as { decisions: number }).decisions, { timeout: WAIT_MS }).toBe(1);

    // Download: DTCG, read back by core's reader.
    expect(await page.getByTestId('export-format').inputValue()).toBe('dtcg');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download' }).click()]);
    expect(download.suggestedFilename()).toBe(TOKEN_FILES.dtcg.fileName);
    const downloaded = await download.path();
    const colors = fromDtcg(JSON.parse(await readFile(downloaded, 'utf8')));
    const byRole = new Map(colors.map((c) => [c.role, c]));
    expect(byRole.get('background')?.hex).toBe(TRUTH.background);
    expect(byRole.get('primary')).toMatchObject({ hex: TRUTH.primary, name: 'primary-tone' });
    expect(byRole.get('border')).toMatchObject({ hex: TRUTH.border, conflict: false });
    expect(await page.getByTestId('export-status').textContent()).toBe(`Saved ${colors.length} colours as ${TOKEN_FILES.dtcg.fileName}.`);

    // Copy: CSS custom properties, on the clipboard.
    await page.getByTestId('export-format').selectOption('css');
    await page.getByRole('button', { name: 'Copy' }).click();
    await expect.poll(() => page.getByTestId('export-status').textContent(), { timeout: WAIT_MS }).toBe(`Copied ${colors.length} colours as CSS.`);
    const css = await page.evaluate(() => navigator.clipboard.readText());
    expect(css).toContain(`--color-background: ${TRUTH.background};`);
    expect(css).toContain(`--color-border: ${TRUTH.border};`);
    await screenshot(page, 'exported');
  });

  it('takes a pasted JPEG: converted to PNG in the page, refined by the backend', async () => {
    const backend = await startBackend();
    const page = await open(`${backend.url}/`);
    const jpeg = await (await Jimp.read(FIXTURE_PATH)).getBuffer('image/jpeg', { quality: 92 });

    await page.evaluate((base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], 'login.jpg', { type: 'image/jpeg' }));
      document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, jpeg.toString('base64'));

    await page.getByTestId('selection').getByText('login.jpg').waitFor();
    await expect.poll(() => page.getByTestId('refining').getAttribute('data-phase'), { timeout: WAIT_MS }).toBe('complete');
    // JPEG blurs edges, not the page's flat white.
    const background = page.locator('[data-testid="swatch"][data-key="background"]');
    expect(await background.getAttribute('data-hex')).toBe(TRUTH.background);
  });

  it('draws the dashboard’s plots, per extractor, after runs', async () => {
    const backend = await startBackend();
    // A run with every tier, and a designer's decision, through the HTTP API.
    const png = await readFile(FIXTURE_PATH);
    const run = await fetch(`${backend.url}/api/v1/extract`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ images: [png.toString('base64')], paid: 'always' }),
    });
    expect(run.status).toBe(200);
    expect(((await run.json()) as { status: string }).status).toBe('complete');
    const decided = await fetch(`${backend.url}/api/v1/decisions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ decisions: [{ role: 'border', chosen_hex: TRUTH.border, candidates: [{ hex: TRUTH.border, extractors: ['flat-regions-full'] }, { hex: MODELS_BORDER, extractors: ['openai'] }] }] }),
    });
    expect(decided.status).toBe(200);

    const page = await open(`${backend.url}/dashboard`);
    const plots = page.locator('svg[role="img"]');
    await plots.first().waitFor();
    expect(await plots.count()).toBeGreaterThanOrEqual(4);
    for (const plot of await plots.all()) {
      const box = await plot.boundingBox();
      expect(box?.width ?? 0, `${await plot.getAttribute('aria-label')} is drawn`).toBeGreaterThan(100);
      expect(box?.height ?? 0).toBeGreaterThan(10);
    }
    const latency = page.locator('svg[aria-label="Latency percentiles per extractor"]');
    const names = await latency.locator('text').allTextContents();
    for (const id of ['flat-regions-full', 'local-vision', 'openai', 'anthropic', 'anthropic-deep']) expect(names).toContain(id);
    expect(await page.locator('svg[aria-label="Agreement per extractor"] text').allTextContents()).toContain('openai');
    await screenshot(page, 'dashboard', true);
  });

  it('on a server with a token: the page loads without it, and its calls carry the one in its address', async () => {
    const backend = await startBackend({ CHORUS_TOKEN: TOKEN });

    // Without the token the page still loads; the backend refuses its run, tier 1 stays.
    // After the refused socket, Chorus asks the health route why: the 401 it gets is the second error Chromium logs.
    expected = [
      /WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/api\/v1\/extract\/progressive' failed/,
      /Failed to load resource: the server responded with a status of 401/,
    ];
    const bare = await open(`${backend.url}/`);
    await bare.getByTestId('image-file').setInputFiles(FIXTURE_PATH);
    await bare.getByTestId('backend-problem').waitFor();
    // The designer is told the real cause, not to start a server that is running.
    expect(await bare.getByTestId('backend-problem').textContent()).toContain("refused Chorus's access token");
    expect(await bare.getByTestId('palette-source').textContent()).toBe('Tier 1 · browser');
    await bare.close();

    const page = await open(`${backend.url}/?token=${TOKEN}`);
    expect(await page.locator('#dashboard-link').evaluate((link) => (link as HTMLAnchorElement).href)).toBe(`${backend.url}/dashboard?token=${TOKEN}`);
    // This time the screenshot is dropped, anywhere on the page.
    const png = await readFile(FIXTURE_PATH);
    await page.evaluate((base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], 'dropped.png', { type: 'image/png' }));
      const target = document.querySelector('.playground-header') ?? document.body;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, png.toString('base64'));
    await page.getByTestId('selection').getByText('dropped.png').waitFor();
    await expect.poll(() => page.getByTestId('refining').getAttribute('data-phase'), { timeout: WAIT_MS }).toBe('complete');
    expect(await page.getByTestId('palette-source').textContent()).toMatch(/^Tier [234]$/);
  });
});

/** The truth answer with one role's colour changed. */
function withColor(answer: ColorAnswer, role: string, hex: string): ColorAnswer {
  return validColorAnswer(answer.colors.map((c) => (c.role === role ? { ...c, hex } : c)));
}

/**
 * Records, in the page, every palette the panel shows (its source label and conflicts), so the
 * order of what the designer saw can be checked after the fact, free of timing.
 */
async function recordPalettes(page: Page): Promise<void> {
  await page.evaluate(() => {
    const snapshots: PlaygroundSnapshot[] = [];
    window.chorusPlaygroundSnapshots = snapshots;
    let last = '';
    const record = (): void => {
      const source = document.querySelector('[data-testid="palette-source"]')?.textContent;
      if (!source) return;
      const swatches = [...document.querySelectorAll<HTMLElement>('[data-testid="swatch"]')];
      const snapshot: PlaygroundSnapshot = {
        source,
        conflicts: swatches.filter((s) => s.querySelector('[data-testid="conflict"]')).map((s) => s.dataset['key'] ?? ''),
      };
      const key = JSON.stringify(snapshot);
      if (key !== last) snapshots.push(snapshot);
      last = key;
    };
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

async function screenshot(page: Page, state: string, viewportOnly = false): Promise<void> {
  if (!SCREENSHOT_DIR) return;
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `chorus-playground-${state}.png`), fullPage: !viewportOnly });
}
