// Tier 1 in headless Chromium on its own (also part of `npm run bench`):
//
//   npx tsx bench/run-browser.ts [--quick] [--runs N] [--write]
//
// Markdown on stdout, progress on stderr; --write puts it between the browser markers of BENCHMARKS.md.
// Needs Chromium (CHROMIUM_PATH, or /usr/bin/chromium); without one it says so and measures nothing.
import { browserBench } from './browser/browser-bench.ts';
import { runSectionCli } from './section.ts';

await runSectionCli('browser', browserBench);
