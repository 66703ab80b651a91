import { readFile } from 'node:fs/promises';
import { extractTier1 } from '../../core/cv/extract-tier1.ts';
import type { Role } from '../../core/palette/role.ts';
import { DecodeError } from '../decode/decode-error.ts';
import { decodeImage } from '../decode/decode-image.ts';
import { EXTRACT_USAGE, parseExtractArgs } from './parse-extract-args.ts';
import { formatPaletteTable } from './format-palette-table.ts';

/** One image's entry in `--json` output. A stable contract: later tiers add fields, never change these. */
export interface ExtractResult {
  file: string;
  width: number;
  height: number;
  colors: { hex: string; role?: Role; share: number; confidence?: number }[];
  timings_ms: { decode: number; extract: number };
}

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly isTty: boolean;
}

/** Runs `chorus extract` and resolves to the exit code: 0 all good, 1 some file failed, 2 bad usage. */
export async function runExtract(argv: readonly string[], io: CliIo): Promise<number> {
  let args;
  try {
    args = parseExtractArgs(argv);
  } catch (error) {
    io.stderr(`chorus: ${(error as Error).message}\n`);
    return 2;
  }
  if (args.help || args.files.length === 0) {
    (args.help ? io.stdout : io.stderr)(`${EXTRACT_USAGE}\n`);
    return args.help ? 0 : 2;
  }
  const results: ExtractResult[] = [];
  let failed = 0;
  for (const file of args.files) {
    try {
      const result = await extractFile(file);
      results.push(result);
      if (!args.json) io.stdout(formatPaletteTable(result, io.isTty));
    } catch (error) {
      failed++;
      io.stderr(`chorus: ${file}: ${describeFailure(error)}\n`);
    }
  }
  if (args.json) io.stdout(`${JSON.stringify({ results })}\n`);
  return failed > 0 ? 1 : 0;
}

async function extractFile(file: string): Promise<ExtractResult> {
  const bytes = new Uint8Array(await readFile(file));
  const t0 = performance.now();
  const image = await decodeImage(bytes);
  const t1 = performance.now();
  const { colors } = extractTier1(image);
  const t2 = performance.now();
  return {
    file,
    width: image.width,
    height: image.height,
    colors: colors.map((c) => ({
      hex: c.hex,
      ...(c.role ? { role: c.role } : {}),
      share: round(c.share, 6),
      ...(c.confidence !== undefined ? { confidence: round(c.confidence, 4) } : {}),
    })),
    timings_ms: { decode: round(t1 - t0, 2), extract: round(t2 - t1, 2) },
  };
}

function describeFailure(error: unknown): string {
  if (error instanceof DecodeError) return `${error.code}: ${error.message}`;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory, not an image';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));
