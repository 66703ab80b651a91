// End to end, Export tokens in the plugin: the built UI (dist/ui.html) in a sandboxed iframe on the
// figma fake, as Figma hosts it (no backend: tier 1 only). After Create styles, "Styles in this
// file" exports what the file holds now, a designer's hand edit included, not the run on screen;
// "This run" exports the palette on screen. Copy goes through the fallback that works in Figma's
// iframe (the Clipboard API is blocked there by the permissions policy), and the test reads the
// clipboard from the parent page and parses the DTCG with core's reader.
import path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fromDtcg } from '../../core/tokens/from-dtcg.ts';
import type { StyleSnapshot } from '../fakes/figma-fake.ts';
import { FRAME_NAME } from './harness/harness-api.ts';
import { launchChromium, type LaunchedChromium } from './launch-chromium.ts';
import type { FileServer } from './serve-files.ts';
import { serveHarness } from './harness/serve-harness.ts';

const FIXTURE = 'login-primer-light';
/** Every wait is bounded by this; tier 1 and a write take well under a second. */
const WAIT_MS = 15_000;
/** Set to a directory to keep screenshots of the panel (for looking, not asserting). */
const SCREENSHOT_DIR = process.env.CHORUS_UI_SCREENSHOTS;
/** The colour the designer gives the background style by hand in Figma. */
const EDITED = '#fafbfc';

describe('Chorus UI: Export tokens in the plugin', () => {
  let chromium: LaunchedChromium | undefined;
  let files: FileServer | undefined;
  let page: Page | undefined;
  let problems: string[] = [];

  beforeAll(async () => {
    files = await serveHarness(FIXTURE);
    chromium = await launchChromium();
    // For the test to read the clipboard from the parent page; the plugin's iframe gets no permission from this.
    await chromium.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  });

  afterAll(async () => {
    try {
      await chromium?.close();
    } finally {
      await files?.close();
    }
  });

  afterEach(async () => {
    const uncaught = page ? await page.evaluate(() => window.chorusHarness?.uncaughtErrors() ?? []) : [];
    await page?.close();
    page = undefined;
    expect(uncaught, 'errors thrown by the plugin').toEqual([]);
    expect(problems, 'errors logged in the page').toEqual([]);
    problems = [];
  });

  /** A fresh harness tab (a new file) with no backend, its problems collected and every wait bounded. */
  async function openHarness(): Promise<{ page: Page; ui: FrameLocator }> {
    if (!chromium || !files) throw new Error('the browser or the file server did not start');
    const opened = await chromium.context.newPage();
    page = opened;
    opened.setDefaultTimeout(WAIT_MS);
    opened.setDefaultNavigationTimeout(WAIT_MS);
    opened.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    opened.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console.${message.type()}: ${message.text()}`);
    });
    await opened.goto(`${files.url}/harness.html?serverUrl=`);
    await opened.waitForFunction(() => window.chorusHarness !== undefined || window.chorusHarnessFailure !== undefined, undefined, { timeout: WAIT_MS });
    const failure = await opened.evaluate(() => window.chorusHarnessFailure);
    if (failure) throw new Error(`the harness page did not start: ${failure}`);
    return { page: opened, ui: opened.frameLocator('iframe[title="Chorus"]') };
  }

  /** Clicks Copy, waits for the line that says it copied, and returns the clipboard as the parent page reads it. */
  async function copy(page: Page, ui: FrameLocator): Promise<string> {
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await ui.getByRole('button', { name: 'Copy' }).click();
    await expect.poll(() => ui.getByTestId('export-status').textContent(), { timeout: WAIT_MS }).toMatch(/^Copied \d+ colours? as DTCG\.$/);
    return page.evaluate(() => navigator.clipboard.readText());
  }

  it('exports the Chorus styles in the file as they are now, and the run on screen as it was', async () => {
    const { page, ui } = await openHarness();

    // Before any style is written, the file has nothing to export, and says so.
    const exporter = ui.getByTestId('token-export');
    expect(await exporter.getByTestId('export-source').inputValue()).toBe('file');
    await ui.getByRole('button', { name: 'Copy' }).click();
    await expect.poll(() => ui.getByTestId('export-status').textContent(), { timeout: WAIT_MS }).toBe(
      'No Chorus styles in the “Chorus” folder of this file yet. Create styles first.',
    );

    await page.evaluate(() => window.chorusHarness?.selectFrame());
    await ui.getByText(FRAME_NAME).waitFor();
    await ui.getByRole('button', { name: 'Extract palette' }).click();
    await ui.getByTestId('swatch').first().waitFor();
    const runHexes = await ui.getByTestId('swatch').evaluateAll((swatches) => swatches.map((s) => s.getAttribute('data-hex')));
    await ui.getByRole('button', { name: 'Create styles' }).click();
    await ui.getByTestId('write-summary').waitFor();

    // The designer changes the background style by hand in Figma.
    const written = await page.evaluate(() => window.chorusHarness?.styles() ?? []);
    const background = written.find((s) => s.sharedPluginData['chorus.slot'] === 'background');
    if (!background) throw new Error('no background style was written');
    await page.evaluate(([id, hex]) => window.chorusHarness?.editStyleByHand(id!, hex!), [background.id, EDITED]);
    const styles = await page.evaluate(() => window.chorusHarness?.styles() ?? []);

    // This run: the palette on screen, the background as extracted.
    expect(await exporter.getByTestId('export-source').inputValue()).toBe('run');
    const fromRun = fromDtcg(JSON.parse(await copy(page, ui)));
    expect(fromRun.map((c) => c.hex)).toEqual(runHexes);
    expect(fromRun.find((c) => c.role === 'background')?.hex).toBe('#ffffff');

    // Styles in this file: every Chorus style, with the hand edit.
    await exporter.getByTestId('export-source').selectOption('file');
    const fromFile = fromDtcg(JSON.parse(await copy(page, ui)));
    expect(fromFile.map((c) => [c.role, c.hex])).toEqual(styles.map((s) => [roleOf(s), hexOf(s)]));
    expect(fromFile.find((c) => c.role === 'background')?.hex).toBe(EDITED);
    expect(fromFile.every((c) => c.conflict === false)).toBe(true);
    await screenshot(page, 'export-file');
  });
});

/** The role the slot stands for (`primary-2` → `primary`; `color-3` → none). */
function roleOf(style: StyleSnapshot): string | undefined {
  const slot = style.sharedPluginData['chorus.slot'] ?? '';
  return slot.startsWith('color-') ? undefined : slot.replace(/-\d+$/, '');
}

function hexOf(style: StyleSnapshot): string {
  const paint = style.paints[0];
  if (paint?.type !== 'SOLID') throw new Error(`${style.name} has no solid paint`);
  return `#${[paint.color.r, paint.color.g, paint.color.b].map((c) => Math.round(c * 255).toString(16).padStart(2, '0')).join('')}`;
}

async function screenshot(page: Page, state: string): Promise<void> {
  if (!SCREENSHOT_DIR) return;
  await page.locator('iframe[title="Chorus"]').screenshot({ path: path.join(SCREENSHOT_DIR, `chorus-ui-${state}.png`) });
}
