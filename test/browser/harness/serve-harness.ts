import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readBuiltUi } from '../read-built-ui.ts';
import { serveFiles, type FileServer, type ServedFile } from '../serve-files.ts';
import { bundleForBrowser } from './bundle-for-browser.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const screens = path.resolve(repoRoot, 'test/fixtures/screens');

/**
 * Serves what a plugin-in-Figma browser test loads: the harness page (the plugin's real code on
 * the figma fake, hosting the built dist/ui.html in a sandboxed iframe), the UI, and `fixture`'s
 * PNG as the selected frame's export; plus any `extra` files a test needs.
 */
export async function serveHarness(fixture: string, extra: Readonly<Record<string, ServedFile>> = {}): Promise<FileServer> {
  const [uiHtml, harnessJs, harnessHtml, png] = await Promise.all([
    readBuiltUi(repoRoot),
    bundleForBrowser(path.join(here, 'harness-entry.ts')),
    readFile(path.join(here, 'harness.html'), 'utf8'),
    readFile(path.join(screens, `${fixture}.png`)),
  ]);
  return serveFiles({
    '/harness.html': { body: harnessHtml, type: 'text/html; charset=utf-8' },
    '/harness.js': { body: harnessJs, type: 'text/javascript; charset=utf-8' },
    '/ui.html': { body: uiHtml, type: 'text/html; charset=utf-8' },
    '/fixture.png': { body: new Uint8Array(png), type: 'image/png' },
    ...extra,
  });
}
