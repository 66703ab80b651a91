import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForBrowser } from '../../test/browser/harness/bundle-for-browser.ts';
import { DEFAULT_CHROMIUM_PATH, launchChromium } from '../../test/browser/launch-chromium.ts';
import { serveFiles, type ServedFile } from '../../test/browser/serve-files.ts';
import { loadFixtures } from '../../test/fixtures/load-fixtures.ts';
import { describeMachine } from '../machine.ts';
import type { SectionOptions, SectionResult } from '../section.ts';
import type { BrowserTiming } from './browser-bench-api.ts';
import { formatBrowserReport, type BrowserImageResult } from './format-browser-report.ts';

/** Warm runs per image after the cold one, as in the tier-1 section. */
const DEFAULT_RUNS = 5;
/** Every wait in the browser is bounded by this; one image's runs take well under a second. */
const PAGE_TIMEOUT_MS = 30_000;

const here = path.dirname(fileURLToPath(import.meta.url));
const PAGE = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Chorus tier-1 bench</title><link rel="icon" href="data:,"></head><body><script src="/bench.js"></script></body></html>';

/**
 * Tier 1 as the plugin iframe runs it, in headless Chromium: each fixture decoded with
 * ui/decode-png.ts and voted with extractTier1Many, in a fresh tab per image (its first run is
 * the cold one), then `runs` warm runs. Without a Chromium the section says how to get one and
 * measures nothing.
 */
export async function browserBench(options: SectionOptions): Promise<SectionResult> {
  const { log } = options;
  const executable = process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM_PATH;
  try {
    await access(executable, constants.X_OK);
  } catch {
    const line = `No Chromium at ${executable}: install it (\`apt-get update && apt-get install -y chromium\` on Debian/Ubuntu) or set CHROMIUM_PATH to a Chromium or Chrome binary; the browser section is skipped.`;
    log(`browser: ${line}`);
    return { markdown: `## Tier 1 in the browser\n\n${line}\n`, measured: false };
  }

  const runs = options.runs ?? (options.quick ? 1 : DEFAULT_RUNS);
  const fixtures = loadFixtures();
  const files: Record<string, ServedFile> = {
    '/bench.html': { body: PAGE, type: 'text/html; charset=utf-8' },
    '/bench.js': { body: await bundleForBrowser(path.join(here, 'browser-bench-entry.ts')), type: 'text/javascript; charset=utf-8' },
  };
  for (const f of fixtures) files[`/fixtures/${f.name}.png`] = { body: f.png, type: 'image/png' };

  const server = await serveFiles(files);
  const problems: string[] = [];
  const results: BrowserImageResult[] = [];
  let userAgent = '';
  try {
    const chromium = await launchChromium();
    try {
      for (const [index, fixture] of fixtures.entries()) {
        const page = await chromium.context.newPage();
        page.setDefaultTimeout(PAGE_TIMEOUT_MS);
        page.setDefaultNavigationTimeout(PAGE_TIMEOUT_MS);
        page.on('pageerror', (error) => problems.push(`${fixture.name}: page error: ${error.message}`));
        page.on('console', (message) => {
          if (message.type() === 'error' || message.type() === 'warning') problems.push(`${fixture.name}: console.${message.type()}: ${message.text()}`);
        });
        try {
          await page.goto(`${server.url}/bench.html`);
          await page.waitForFunction(() => window.chorusBench !== undefined);
          const timing: BrowserTiming | undefined = await page.evaluate(([name, count]) => window.chorusBench?.time(name, count), [fixture.name, 1 + runs] as const);
          if (!timing) throw new Error('the bench page did not load its script');
          userAgent = timing.userAgent;
          results.push({ name: fixture.name, size: `${timing.width} × ${timing.height}`, scaled: timing.scaled, cold: timing.samples[0]!, warm: timing.samples.slice(1) });
          const warmTotals = timing.samples.slice(1).map((s) => s.totalMs.toFixed(0)).join(', ');
          log(`browser: [${index + 1}/${fixtures.length}] ${fixture.name}: cold ${timing.samples[0]!.totalMs.toFixed(0)} ms, warm ${warmTotals} ms`);
        } finally {
          await page.close();
        }
      }
    } finally {
      await chromium.close();
    }
  } finally {
    await server.close();
  }

  const markdown = formatBrowserReport({
    date: new Date().toISOString().slice(0, 10),
    machine: describeMachine(),
    browser: `${/(?:Headless)?Chrome\/[\d.]+/.exec(userAgent)?.[0] ?? userAgent} (${executable})`,
    mode: options.quick
      ? `quick mode: 1 cold and ${runs} warm run per image, timings indicative only`
      : `per image a fresh tab: its first (cold) run, then the median of ${runs} warm runs`,
    results,
    problems,
  });
  return { markdown, measured: true };
}
