// `npm run screenshots`: renders the README's pictures from the real built UI in headless Chromium.
// The browser tests drive the UI through each state (the plugin on the figma fake, the backend with
// fake providers) and save a screenshot of each when CHORUS_UI_SCREENSHOTS names a folder; this
// script builds, runs them so, and copies the pictures the README shows into docs/images/.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const target = path.join(root, 'docs/images');
/** Screenshot the tests save → the name the README uses. */
const PICTURES = {
  'chorus-ui-done.png': 'plugin-tier1.png',
  'chorus-ui-backend-streaming.png': 'plugin-streaming.png',
  'chorus-ui-backend-refined.png': 'plugin-refined.png',
  'chorus-ui-review.png': 'plugin-review.png',
  'chorus-playground-streaming.png': 'playground.png',
  'chorus-playground-dashboard.png': 'dashboard.png',
};

const shots = mkdtempSync(path.join(tmpdir(), 'chorus-shots-'));
try {
  execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
  execFileSync(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', 'test/browser'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, CHORUS_UI_SCREENSHOTS: shots },
  });
  mkdirSync(target, { recursive: true });
  const saved = new Set(readdirSync(shots));
  const missing = Object.keys(PICTURES).filter((name) => !saved.has(name));
  if (missing.length > 0) throw new Error(`the browser tests saved no ${missing.join(', ')}; was a test renamed?`);
  for (const [from, to] of Object.entries(PICTURES)) copyFileSync(path.join(shots, from), path.join(target, to));
  console.log(`wrote ${Object.values(PICTURES).map((name) => `docs/images/${name}`).join(', ')}`);
} finally {
  rmSync(shots, { recursive: true, force: true });
}
