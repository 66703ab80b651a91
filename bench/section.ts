import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../test/fixtures/load-fixtures.ts';
import { updateBenchmarksMd, type BenchSection } from './update-benchmarks-md.ts';

/** What every benchmark section takes. */
export interface SectionOptions {
  /** A smoke run: fewer images and runs, timings indicative only. */
  readonly quick: boolean;
  /** Timed runs (per image, or passes over the images) instead of the section's default. */
  readonly runs: number | undefined;
  /** Progress, one line at a time (stderr). */
  readonly log: (line: string) => void;
}

/** A section's report. `measured: false` (e.g. no browser here) is printed but never written over figures in BENCHMARKS.md. */
export interface SectionResult {
  readonly markdown: string;
  readonly measured: boolean;
}

export type SectionBench = (options: SectionOptions) => Promise<SectionResult>;

/** Progress goes to stderr so stdout stays the markdown report. */
export const logToStderr = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

/** Prints a section's markdown to stdout and, with `write`, puts it between its markers in BENCHMARKS.md. */
export function emitSection(name: BenchSection, result: SectionResult, write: boolean, log: (line: string) => void): void {
  process.stdout.write(`\n${result.markdown}`);
  if (!write) return;
  if (!result.measured) {
    log(`not writing the ${name} section: nothing was measured`);
    return;
  }
  const file = path.join(REPO_ROOT, 'BENCHMARKS.md');
  log(`${updateBenchmarksMd(file, result.markdown, name)} the ${name} section of ${path.relative(process.cwd(), file) || file}`);
}

/** Parses `--quick`, `--runs N` and `--write`, runs one section on its own and emits it. */
export async function runSectionCli(name: BenchSection, bench: SectionBench): Promise<void> {
  const { values } = parseArgs({
    options: { quick: { type: 'boolean', default: false }, runs: { type: 'string' }, write: { type: 'boolean', default: false } },
  });
  const result = await bench({ quick: values.quick, runs: parseRuns(values.runs), log: logToStderr });
  emitSection(name, result, values.write, logToStderr);
}

/** `--runs N` as a positive integer; undefined when absent. Throws on anything else, so a typo is not silently the default. */
export function parseRuns(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const runs = Number(text);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs takes a whole number ≥ 1, got "${text}"`);
  return runs;
}
