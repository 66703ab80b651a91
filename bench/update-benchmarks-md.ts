import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export const TIER1_START = '<!-- bench:tier1:start -->';
export const TIER1_END = '<!-- bench:tier1:end -->';

/** The sections `npm run bench -- --write` maintains, each between its own pair of markers. */
export type BenchSection = 'tier1' | 'consensus' | 'model-images' | 'backend' | 'scale' | 'browser' | 'design-system';

const INTRO = `# Benchmarks

Numbers measured by \`npm run bench\` (\`tsx bench/run.ts\`) on the fixture screens in
\`test/fixtures/screens\`, scored by \`test/fixtures/score.mjs\`. The section between
the markers below is rewritten by \`npm run bench -- --write\`; edit outside it.
`;

/** `<!-- bench:NAME:start -->` and `<!-- bench:NAME:end -->`. */
export function sectionMarkers(name: BenchSection): { readonly start: string; readonly end: string } {
  return { start: `<!-- bench:${name}:start -->`, end: `<!-- bench:${name}:end -->` };
}

/**
 * Puts `section` between the `name` markers (tier-1 by default) of the markdown file at `file`:
 * replaces what is there, appends the markers at the end if the file has none, creates the file
 * (with a short intro) if it does not exist. Text outside the markers is left as it is. Returns
 * what it did, for the log.
 */
export function updateBenchmarksMd(file: string, section: string, name: BenchSection = 'tier1'): 'created' | 'appended' | 'replaced' {
  const { start: startMarker, end: endMarker } = sectionMarkers(name);
  const block = `${startMarker}\n${section.trim()}\n${endMarker}\n`;
  if (!existsSync(file)) {
    writeFileSync(file, `${INTRO}\n${block}`);
    return 'created';
  }
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(startMarker);
  const end = text.indexOf(endMarker);
  if (start === -1 || end === -1 || end < start) {
    writeFileSync(file, `${text.trimEnd()}\n\n${block}`);
    return 'appended';
  }
  writeFileSync(file, text.slice(0, start) + block + text.slice(end + endMarker.length).replace(/^\n/, ''));
  return 'replaced';
}
