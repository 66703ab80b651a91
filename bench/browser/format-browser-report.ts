import { MAX_EXPORT_SIDE } from '../../core/messages/plugin-messages.ts';
import { formatMs } from '../format-ms.ts';
import { median } from '../median.ts';
import type { BrowserSample } from './browser-bench-api.ts';

/** The product's claim for tier 1 in the plugin: a palette appears in well under this. */
export const PALETTE_CLAIM_MS = 300;

export interface BrowserImageResult {
  readonly name: string;
  /** `W × H` in pixels. */
  readonly size: string;
  /** Scaled down to the plugin's export limit before timing (the fixture is larger). */
  readonly scaled: boolean;
  /** The first run in a fresh tab. */
  readonly cold: BrowserSample;
  readonly warm: readonly BrowserSample[];
}

export interface BrowserReport {
  readonly date: string;
  readonly machine: string;
  /** Browser name and version, and where it was found. */
  readonly browser: string;
  readonly mode: string;
  readonly results: readonly BrowserImageResult[];
  readonly problems: readonly string[];
}

interface PerImage {
  readonly name: string;
  readonly decodeMs: number;
  readonly extractMs: number;
  readonly totalMs: number;
  readonly coldMs: number;
}

const slowest = <T extends { readonly name: string }>(rows: readonly T[], ms: (row: T) => number): string => {
  const worst = rows.reduce((a, b) => (ms(b) > ms(a) ? b : a));
  return `${formatMs(ms(worst))} (${worst.name})`;
};

/** The browser section as markdown: decode, extract and total per image size and overall. */
export function formatBrowserReport(report: BrowserReport): string {
  const perImage: (PerImage & { readonly size: string })[] = report.results.map((r) => ({
    name: r.name,
    size: r.size,
    decodeMs: median(r.warm.map((s) => s.decodeMs)),
    extractMs: median(r.warm.map((s) => s.extractMs)),
    totalMs: median(r.warm.map((s) => s.totalMs)),
    coldMs: r.cold.totalMs,
  }));
  const lines: string[] = [
    '## Tier 1 in the browser',
    '',
    `Measured ${report.date} on ${report.machine}; ${report.browser}, headless, no GPU.`,
    `${report.results.length} fixture screens decoded with \`ui/decode-png.ts\` (the browser's own decoder through createImageBitmap and a canvas, colour management off) ` +
      `and voted with \`extractTier1Many\`, in a page bundled as the UI is (esbuild, es2020, jimp's browser build); ${report.mode}. ` +
      'Times are the page\'s performance.now; fetching the PNG and drawing the palette are not included.',
    '',
    '| image size | images | decode ms | extract ms | decode + extract ms | slowest image (decode + extract) | cold first run ms | slowest cold first run |',
    '|---|--:|--:|--:|--:|--:|--:|--:|',
  ];
  const sizes = [...new Set(perImage.map((r) => r.size))];
  for (const size of ['all', ...sizes]) {
    const rows = perImage.filter((r) => size === 'all' || r.size === size);
    if (rows.length === 0) continue;
    lines.push(
      `| ${size} | ${rows.length} | ${formatMs(median(rows.map((r) => r.decodeMs)))} | ${formatMs(median(rows.map((r) => r.extractMs)))} | ` +
        `${formatMs(median(rows.map((r) => r.totalMs)))} | ${slowest(rows, (r) => r.totalMs)} | ${formatMs(median(rows.map((r) => r.coldMs)))} | ${slowest(rows, (r) => r.coldMs)} |`,
    );
  }
  const worstWarm = Math.max(...perImage.map((r) => r.totalMs));
  const worstCold = Math.max(...perImage.map((r) => r.coldMs));
  lines.push(
    '',
    'Medians: per image over its warm runs, then over the images. Warm runs are the 2nd and later in the tab: a designer\'s next few clicks, not yet a steady state ' +
      '(the extractors keep speeding up for about ten runs while V8 optimises them). ' +
      '"Cold first run" is each fresh tab\'s first decode + extract, before the page\'s JIT has seen the code ' +
      '(tabs may share compiled code within one renderer process, so only the first image is fully cold). ' +
      `The claim "a palette in well under ${PALETTE_CLAIM_MS} ms": slowest warm image ${formatMs(worstWarm)} ms, slowest cold first run ${formatMs(worstCold)} ms.`,
  );
  const scaled = report.results.filter((r) => r.scaled);
  if (scaled.length > 0) {
    lines.push(
      '',
      `${scaled.map((r) => r.name).join(', ')}: larger than the plugin exports (MAX_EXPORT_SIDE, ${MAX_EXPORT_SIDE} px a side), so scaled down to ${scaled.map((r) => r.size).join(', ')} ` +
        'in the page first, untimed, as the export constraint would hand it to the UI (the UI refuses anything larger).',
    );
  }
  const problems = [...report.problems];
  const samples = report.results.flatMap((r) => [r.cold, ...r.warm].map((s) => ({ name: r.name, s })));
  const jimp = samples.filter(({ s }) => s.decoder !== 'native');
  if (jimp.length > 0) problems.push(`${jimp.length} of ${samples.length} decodes fell back to jimp (${[...new Set(jimp.map((j) => j.name))].join(', ')}): not the native path`);
  const empty = samples.filter(({ s }) => s.colors === 0);
  if (empty.length > 0) problems.push(`${empty.length} runs found no colour (${[...new Set(empty.map((e) => e.name))].join(', ')})`);
  if (problems.length > 0) {
    lines.push('', '### Problems', '');
    for (const p of problems) lines.push(`- ${p}`);
  }
  return `${lines.join('\n')}\n`;
}
