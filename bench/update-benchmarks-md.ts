import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export const TIER1_START = '<!-- bench:tier1:start -->';
export const TIER1_END = '<!-- bench:tier1:end -->';

const INTRO = `# Benchmarks

Numbers measured by \`npm run bench\` (\`tsx bench/run.ts\`) on the fixture screens in
\`../shared/fixtures/screens\`, scored by \`../shared/fixtures/score.mjs\`. The section between
the markers below is rewritten by \`npm run bench -- --write\`; edit outside it.
`;

/**
 * Puts `section` between the tier-1 markers of the markdown file at `file`: replaces what is
 * there, appends the markers if the file has none, creates the file (with a short intro) if
 * it does not exist. Returns what it did, for the log.
 */
export function updateBenchmarksMd(file: string, section: string): 'created' | 'appended' | 'replaced' {
  const block = `${TIER1_START}\n${section.trim()}\n${TIER1_END}\n`;
  if (!existsSync(file)) {
    writeFileSync(file, `${INTRO}\n${block}`);
    return 'created';
  }
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(TIER1_START);
  const end = text.indexOf(TIER1_END);
  if (start === -1 || end === -1 || end < start) {
    writeFileSync(file, `${text.trimEnd()}\n\n${block}`);
    return 'appended';
  }
  writeFileSync(file, text.slice(0, start) + block + text.slice(end + TIER1_END.length).replace(/^\n/, ''));
  return 'replaced';
}
