import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { exportColorsFromTokens } from '../../core/tokens/export-colors-from-tokens.ts';
import { formatTokens, TOKEN_FILES, type TokenFormat } from '../../core/tokens/format-tokens.ts';
import { extractRequestSchema, MAX_IMAGE_BASE64, type ExtractRequest } from '../../core/protocol/extract-request.ts';
import type { Tier } from '../../core/protocol/run-event.ts';
import { applyRunEvent, EMPTY_PROGRESS, type RunProgress } from '../../core/protocol/run-progress.ts';
import { DecodeError } from '../decode/decode-error.ts';
import { decodeImage } from '../decode/decode-image.ts';
import type { ExtractorEnv } from '../extractors/create-extractors.ts';
import { formatPaletteTable } from './format-palette-table.ts';
import { formatRunProgress, formatTierProgress } from './format-run-progress.ts';
import { createLiveDisplay } from './live-display.ts';
import { EXTRACT_USAGE, parseExtractArgs, type ExtractArgs } from './parse-extract-args.ts';
import { BackendUnreachable, RunTransportError, type CliImage, type TierRunner } from './tier-runner.ts';
import { toExtractResult, type ExtractResult } from './to-extract-result.ts';

export type { ExtractResult } from './to-extract-result.ts';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** stdout is a terminal: live progress and colour. */
  readonly isTty: boolean;
  /** The terminal's width in characters, when `isTty`. */
  readonly columns?: number;
}

export interface CliContext {
  /** Where the in-process run reads its configuration and keys (process.env in the CLI). */
  readonly env: ExtractorEnv;
  /** Aborts the run in flight (Ctrl-C): its provider calls are aborted and their reservations released. */
  readonly signal?: AbortSignal;
}

/** Exit codes: 0 all good, 1 some file failed (or the backend was unreachable), 2 bad usage or configuration, 130 interrupted. */
export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;
/** Terminal width assumed when the terminal does not say. */
const DEFAULT_COLUMNS = 80;

/** Runs `chorus extract` and resolves to the exit code (see EXIT). */
export async function runExtract(argv: readonly string[], io: CliIo, context: CliContext): Promise<number> {
  let args: ExtractArgs;
  try {
    args = parseExtractArgs(argv);
  } catch (error) {
    io.stderr(`chorus: ${(error as Error).message}\n`);
    return EXIT.usage;
  }
  if (args.help || args.files.length === 0) {
    (args.help ? io.stdout : io.stderr)(`${EXTRACT_USAGE}\n`);
    return args.help ? EXIT.ok : EXIT.usage;
  }
  let runner: TierRunner;
  try {
    // Imported on demand: the in-process tiers load both provider SDKs (about a second), which
    // neither a usage error nor a --server run needs.
    runner = args.server
      ? (await import('./create-server-runner.ts')).createServerRunner(args.server)
      : await (await import('./create-local-runner.ts')).createLocalRunner(context.env);
  } catch (error) {
    io.stderr(`chorus: ${oneLine(error)}\n`);
    return EXIT.usage;
  }

  const signal = context.signal ?? new AbortController().signal;
  const results: ExtractResult[] = [];
  const finals: { file: string; tokens: RunProgress['tokens'] }[] = [];
  // A token file on stdout must be the only thing there.
  const quiet = args.json || (args.format !== undefined && args.out === undefined);
  let failed = 0;
  let interrupted = false;
  try {
    for (const file of args.files) {
      if (signal.aborted) {
        interrupted = true;
        break;
      }
      try {
        const { result, tokens } = await extractFile(file, args, runner, io, signal, quiet);
        results.push(result);
        finals.push({ file, tokens });
        if (!quiet) io.stdout(formatPaletteTable(result, io.isTty));
      } catch (error) {
        failed++;
        if (error instanceof BackendUnreachable) {
          // Every other file would fail the same way: say it once.
          io.stderr(`chorus: ${error.message}\n`);
          break;
        }
        io.stderr(`chorus: ${file}: ${describeFailure(error)}\n`);
        // Interrupted: the run in flight ended as cancelled; the files after it are not started.
        if (signal.aborted) {
          interrupted = true;
          break;
        }
      }
    }
  } finally {
    await runner.close();
  }
  if (args.json) io.stdout(`${JSON.stringify({ results })}\n`);
  if (args.format) {
    try {
      await writeTokenFiles(finals, args.format, args.out, io);
    } catch (error) {
      io.stderr(`chorus: could not write the token file: ${oneLine(error)}\n`);
      return EXIT.failed;
    }
  }
  return interrupted ? EXIT.interrupted : failed > 0 ? EXIT.failed : EXIT.ok;
}

/** A run that ended without a final consensus, with the code and message of its `error` event. */
class RunEndedWithError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Reads, decodes and runs one file, showing progress unless `--json`. Throws what `describeFailure` explains. */
async function extractFile(file: string, args: ExtractArgs, runner: TierRunner, io: CliIo, signal: AbortSignal, quiet: boolean): Promise<{ result: ExtractResult; tokens: RunProgress['tokens'] }> {
  const bytes = new Uint8Array(await readFile(file));
  const t0 = performance.now();
  const rgba = await decodeImage(bytes);
  const decodeMs = performance.now() - t0;
  const base64 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  if (base64.length > MAX_IMAGE_BASE64) throw new RunEndedWithError('TOO_LARGE', 'The file is over the 20 MB a run takes.');
  const image: CliImage = { file, bytes, base64, rgba };
  const request: ExtractRequest = extractRequestSchema.parse({ action: 'extract', images: [base64], use_ai: !args.noAi, max_cost: args.maxCost, paid: args.paid });

  const show = quiet ? undefined : progressView(file, rgba, io);
  let progress: RunProgress = EMPTY_PROGRESS;
  const started = performance.now();
  let extractMs = 0;
  await runner.run(
    image,
    request,
    (event) => {
      if (event.stage === 'complete') extractMs = performance.now() - started;
      const before = progress;
      progress = applyRunEvent(progress, event);
      show?.(before, progress);
    },
    signal,
  );
  if (progress.status !== 'complete') {
    const error = progress.error ?? { code: 'INCOMPLETE', message: 'The run ended without a final palette.' };
    throw new RunEndedWithError(error.code, error.message);
  }
  return { result: toExtractResult(file, rgba, { decode: decodeMs, extract: extractMs }, progress), tokens: progress.tokens };
}

/**
 * The final palettes as token files: one image to `out` (or stdout), several into the directory
 * `out`, each named after its image.
 */
async function writeTokenFiles(finals: readonly { file: string; tokens: RunProgress['tokens'] }[], format: TokenFormat, out: string | undefined, io: CliIo): Promise<void> {
  const text = (tokens: RunProgress['tokens']) => formatTokens(exportColorsFromTokens(tokens), format);
  if (out === undefined) {
    for (const f of finals) io.stdout(text(f.tokens));
    return;
  }
  if (finals.length === 1 && !(await isDirectory(out))) {
    await writeFile(out, text(finals[0]!.tokens));
    return;
  }
  await mkdir(out, { recursive: true });
  const suffix = TOKEN_FILES[format].fileName.replace(/^chorus/, '');
  for (const f of finals) await writeFile(path.join(out, `${path.basename(f.file).replace(/\.[^.]+$/, '')}${suffix}`), text(f.tokens));
}

async function isDirectory(target: string): Promise<boolean> {
  try {
    return (await stat(target)).isDirectory();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/**
 * How a run is shown while it streams: on a terminal, a block redrawn on every event; elsewhere,
 * plain lines as each tier lands (no ANSI), so a log reads in order.
 */
function progressView(file: string, size: { width: number; height: number }, io: CliIo): (before: RunProgress, after: RunProgress) => void {
  const heading = `${file}  ${size.width}×${size.height}`;
  if (io.isTty) {
    const columns = io.columns ?? DEFAULT_COLUMNS;
    const display = createLiveDisplay(io.stdout, columns);
    return (_before, after) => {
      display.update([heading, ...formatRunProgress(after, { color: true, columns })]);
      if (after.status !== 'running') display.commit();
    };
  }
  io.stdout(`${heading}\n`);
  return (before, after) => {
    const landed: Tier[] = after.tiers.slice(before.tiers.length).map((t) => t.tier);
    const lines = landed.flatMap((tier) => formatTierProgress(after, tier, { color: false }));
    if (after.budgetWarning && !before.budgetWarning) lines.push(`  ! ${after.budgetWarning}`);
    if (lines.length > 0) io.stdout(`${lines.join('\n')}\n`);
  };
}

function describeFailure(error: unknown): string {
  if (error instanceof DecodeError || error instanceof RunEndedWithError) return `${error.code}: ${error.message}`;
  if (error instanceof RunTransportError) return error.message;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory, not an image';
  if (code === 'EACCES') return 'permission denied';
  return oneLine(error);
}

const oneLine = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
