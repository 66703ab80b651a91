// End to end in a real browser: the built UI (dist/ui.html) in a sandboxed iframe, the plugin's
// real code on the figma fake in the parent page. Proves the UI bundle decodes PNGs (native + jimp)
// and runs tier-1 extraction in Chromium, and that the plugin ⇄ UI contract holds both ways.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bundleForBrowser } from './harness/bundle-for-browser.ts';
import { BROKEN_FRAME_NAME, FRAME_NAME, type DecodeProbe } from './harness/harness-api.ts';
import { launchChromium, type LaunchedChromium } from './launch-chromium.ts';
import { readBuiltUi } from './read-built-ui.ts';
import { serveFiles, type FileServer } from './serve-files.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const screens = path.resolve(repoRoot, 'test/fixtures/screens');
const FIXTURE = 'login-primer-light';
/** Every wait in the page is bounded by this; a 1440×900 decode + extract takes well under a second. */
const WAIT_MS = 15_000;
/** Set to a directory to keep a screenshot of the UI in each state (for looking, not asserting). */
const SCREENSHOT_DIR = process.env.CHORUS_UI_SCREENSHOTS;

interface TruthColor {
  hex: string;
  role: string;
  /** Pixels of exactly this colour in the fixture, as measured by its generator. */
  pixels: number;
}

// One page, one designer's session: the tests run in order and each starts where the last one left off.
describe('Chorus UI in Chromium, on the plugin and a fake figma', () => {
  let chromium: LaunchedChromium | undefined;
  let server: FileServer | undefined;
  let page: Page;
  let ui: FrameLocator;
  let background: TruthColor;
  let size: { width: number; height: number };
  /** Page errors, console errors and warnings (a dropped message warns) from the harness and the iframe, checked after every test. */
  const problems: string[] = [];

  beforeAll(async () => {
    const [uiHtml, harnessJs, harnessHtml, decodeJs, decodeHtml, png, truthJson] = await Promise.all([
      readBuiltUi(repoRoot),
      bundleForBrowser(path.join(here, 'harness/harness-entry.ts')),
      readFile(path.join(here, 'harness/harness.html'), 'utf8'),
      bundleForBrowser(path.join(here, 'harness/decode-entry.ts')),
      readFile(path.join(here, 'harness/decode.html'), 'utf8'),
      readFile(path.join(screens, `${FIXTURE}.png`)),
      readFile(path.join(screens, `${FIXTURE}.json`), 'utf8'),
    ]);
    const truth = JSON.parse(truthJson) as { colors: TruthColor[]; size: { width: number; height: number } };
    size = truth.size;
    const found = truth.colors.find((color) => color.role === 'background');
    if (!found) throw new Error(`${FIXTURE}.json names no background colour`);
    background = found;

    server = await serveFiles({
      '/harness.html': { body: harnessHtml, type: 'text/html; charset=utf-8' },
      '/harness.js': { body: harnessJs, type: 'text/javascript; charset=utf-8' },
      '/ui.html': { body: uiHtml, type: 'text/html; charset=utf-8' },
      '/decode.html': { body: decodeHtml, type: 'text/html; charset=utf-8' },
      '/decode.js': { body: decodeJs, type: 'text/javascript; charset=utf-8' },
      '/fixture.png': { body: new Uint8Array(png), type: 'image/png' },
    });
    chromium = await launchChromium();
    // No backend: this suite is about tier 1 and the plugin (backend-refining.test.ts has the backend).
    page = await openPage('/harness.html?serverUrl=');
    await page.waitForFunction(() => window.chorusHarness !== undefined || window.chorusHarnessFailure !== undefined, undefined, {
      timeout: WAIT_MS,
    });
    const failure = await page.evaluate(() => window.chorusHarnessFailure);
    if (failure) throw new Error(`the harness page did not start: ${failure}`);
    ui = page.frameLocator('iframe[title="Chorus"]');
  });

  /** A new tab on `pathname`, its errors and warnings collected into `problems`, every wait bounded. */
  async function openPage(pathname: string): Promise<Page> {
    if (!chromium || !server) throw new Error('the browser or the server did not start');
    const opened = await chromium.context.newPage();
    opened.setDefaultTimeout(WAIT_MS);
    opened.setDefaultNavigationTimeout(WAIT_MS);
    opened.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    opened.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console.${message.type()}: ${message.text()}`);
    });
    await opened.goto(`${server.url}${pathname}`);
    return opened;
  }

  afterAll(async () => {
    try {
      await chromium?.close();
    } finally {
      await server?.close();
    }
  });

  afterEach(async () => {
    const uncaught = page ? await page.evaluate(() => window.chorusHarness?.uncaughtErrors() ?? []) : [];
    expect(uncaught, 'errors thrown by the plugin').toEqual([]);
    expect(problems, 'errors logged in the page').toEqual([]);
  });

  it("decodes the fixture to the same pixels natively and with jimp's browser build", async () => {
    const probe = async (useJimp: boolean): Promise<DecodeProbe> => {
      const tab = await openPage('/decode.html');
      try {
        await tab.waitForFunction(() => window.decodeFixture !== undefined, undefined, { timeout: WAIT_MS });
        const result = await tab.evaluate((jimp) => window.decodeFixture?.(jimp), useJimp);
        if (!result) throw new Error('decode.html did not load its script');
        return result;
      } finally {
        await tab.close();
      }
    };
    const native = await probe(false);
    const jimp = await probe(true);
    expect([native.decoder, jimp.decoder]).toEqual(['native', 'jimp']);
    for (const decoded of [native, jimp]) {
      expect([decoded.width, decoded.height]).toEqual([size.width, size.height]);
      expect(decoded.whitePixels).toBe(background.pixels);
    }
    expect(native.fnv1a).toBe(jimp.fnv1a);
  });

  it('extracts the palette of the selected frame and writes it as paint styles, once', async () => {
    const extract = ui.getByRole('button', { name: 'Extract palette' });
    await expect.poll(() => ui.getByText('Select one or more frames').isVisible(), { timeout: WAIT_MS }).toBe(true);
    expect(await extract.isDisabled()).toBe(true);
    await screenshot(page, 'idle');

    await page.evaluate(() => window.chorusHarness?.selectFrame());
    await ui.getByText(FRAME_NAME).waitFor();
    expect(await extract.isEnabled()).toBe(true);
    await extract.click();

    // The fixture's measured background colour is among the swatches, shown as Figma writes hex.
    const swatch = ui.locator(`[data-testid="swatch"][data-hex="${background.hex}"]`);
    await swatch.waitFor();
    expect(await swatch.textContent()).toContain(background.hex.slice(1).toUpperCase());
    const swatchCount = await ui.getByTestId('swatch').count();
    expect(await ui.getByTestId('timings').textContent()).toMatch(/decode \d+ ms \(native\) · extract \d+ ms/);
    await screenshot(page, 'done');

    await ui.getByRole('button', { name: 'Create styles' }).click();
    const summary = ui.getByTestId('write-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toBe(`${swatchCount} created · 0 updated · 0 unchanged`);
    await screenshot(page, 'written');

    const styles = await page.evaluate(() => window.chorusHarness?.styles() ?? []);
    expect(styles).toHaveLength(swatchCount);
    for (const style of styles) expect(style.name.startsWith('Chorus/')).toBe(true);
    expect(styles.map((style) => solidHex(style.paints))).toContain(background.hex);
    expect(await page.evaluate(() => window.chorusHarness?.undoSteps())).toBe(1);

    // A second run finds its styles again by plugin data: nothing new, nothing changed.
    await ui.getByRole('button', { name: 'Create styles' }).click();
    await expect.poll(() => summary.textContent(), { timeout: WAIT_MS }).toBe(`0 created · 0 updated · ${swatchCount} unchanged`);
    const again = await page.evaluate(() => window.chorusHarness?.styles() ?? []);
    expect(again.map((style) => style.id)).toEqual(styles.map((style) => style.id));
  });

  it('asks before overwriting a style the designer edited by hand, and keeps it when told to', async () => {
    const styles = await page.evaluate(() => window.chorusHarness?.styles() ?? []);
    const edited = styles.find((style) => solidHex(style.paints) === background.hex);
    if (!edited) throw new Error('no style holds the background colour (the first test must run first)');
    const handHex = '#fafafa';
    await page.evaluate(([id, hex]) => window.chorusHarness?.editStyleByHand(id, hex), [edited.id, handHex] as const);

    const create = ui.getByRole('button', { name: 'Create styles' });
    const prompt = ui.getByTestId('edited-prompt');
    await create.click();
    await prompt.waitFor();
    expect(await prompt.textContent()).toContain('edited by hand in Figma');
    await screenshot(page, 'edited-by-hand');

    await ui.getByRole('button', { name: 'Keep yours' }).click();
    await prompt.waitFor({ state: 'hidden' });
    expect(await ui.getByTestId('write-summary').textContent()).toContain('1 kept as you edited');
    expect(await styleHex(page, edited.id)).toBe(handHex);

    await create.click();
    await prompt.waitFor();
    await ui.getByRole('button', { name: 'Overwrite' }).click();
    await prompt.waitFor({ state: 'hidden' });
    await expect.poll(() => styleHex(page, edited.id), { timeout: WAIT_MS }).toBe(background.hex);
  });

  it('shows an export that is not a readable PNG as DECODE_FAILED, and recovers on Try again', async () => {
    await page.evaluate(() => window.chorusHarness?.selectBrokenFrame());
    await ui.getByText(BROKEN_FRAME_NAME).waitFor();
    await ui.getByRole('button', { name: 'Extract palette' }).click();
    const error = ui.getByTestId('error');
    await error.waitFor();
    expect(await error.textContent()).toContain('DECODE_FAILED');
    expect(await error.textContent()).toContain(BROKEN_FRAME_NAME);
    await screenshot(page, 'error');

    await page.evaluate(() => window.chorusHarness?.selectFrame());
    await ui.getByText(FRAME_NAME).waitFor();
    await ui.getByRole('button', { name: 'Try again' }).click();
    await ui.locator(`[data-testid="swatch"][data-hex="${background.hex}"]`).waitFor();
  });

  it('checks the style folder like the contract, saves it for next time, and writes into it', async () => {
    const folder = ui.getByLabel('Style folder');
    const create = ui.getByRole('button', { name: 'Create styles' });
    await folder.fill('Brand//Colours');
    expect(await create.isDisabled()).toBe(true);
    await ui.getByText('folders separated by single slashes').waitFor();
    await screenshot(page, 'bad-folder');

    await folder.fill('Brand/Colours');
    await folder.press('Tab');
    await expect
      .poll(() => page.evaluate(() => window.chorusHarness?.clientStorageText() ?? ''), { timeout: WAIT_MS })
      .toContain('Brand/Colours');
    await create.click();
    await ui.getByTestId('write-summary').waitFor();
    await expect
      .poll(async () => (await page.evaluate(() => window.chorusHarness?.styles() ?? [])).some((s) => s.name.startsWith('Brand/Colours/')), {
        timeout: WAIT_MS,
      })
      .toBe(true);
  });
});

/** The `#rrggbb` of a single solid paint, from Figma's 0–1 channels. */
function solidHex(paints: readonly Paint[]): string | undefined {
  const [paint] = paints;
  if (paints.length !== 1 || paint?.type !== 'SOLID') return undefined;
  const { r, g, b } = paint.color;
  return `#${[r, g, b].map((channel) => Math.round(channel * 255).toString(16).padStart(2, '0')).join('')}`;
}

async function styleHex(page: Page, styleId: string): Promise<string | undefined> {
  const styles = await page.evaluate(() => window.chorusHarness?.styles() ?? []);
  const style = styles.find((s) => s.id === styleId);
  return style && solidHex(style.paints);
}

async function screenshot(page: Page, state: string): Promise<void> {
  if (!SCREENSHOT_DIR) return;
  await page.locator('iframe[title="Chorus"]').screenshot({ path: path.join(SCREENSHOT_DIR, `chorus-ui-${state}.png`) });
}
