import { DEFAULT_MAX_COST_USD } from '../../core/protocol/extract-request.ts';
import { TOKEN_FORMATS, type TokenFormat } from '../../core/tokens/format-tokens.ts';

/** Largest `--max-cost` the protocol accepts for one request, USD (extract-request.ts caps `max_cost` at 10). */
const MAX_COST_LIMIT_USD = 10;

/** What `chorus extract` was asked to do. */
export interface ExtractArgs {
  readonly json: boolean;
  /** Keep to computer vision: the request's `use_ai: false` (local and hosted models are skipped). */
  readonly noAi: boolean;
  readonly help: boolean;
  /** A running backend (http(s):// or ws(s)://) to stream from; absent: run the tiers in this process. */
  readonly server?: URL;
  /** Spend cap per image (one run per file), USD. */
  readonly maxCost: number;
  /** `auto`: the deep tier only when tier 3 left doubt; `always`: run it anyway. */
  readonly paid: 'auto' | 'always';
  /** Write the final palette as a token file in this format instead of the table. */
  readonly format?: TokenFormat;
  /** Where the token file goes (a directory for several images); stdout without it. */
  readonly out?: string;
  readonly files: readonly string[];
}

export const EXTRACT_USAGE = `usage: npm run -s extract -- [--json | --format dtcg|tokens-studio|css|json [--out FILE|DIR]] [--no-ai] [--server URL] [--max-cost USD] [--paid auto|always] FILE.png...

Extracts a colour palette from each image by a vote of Chorus's extractors, tier by tier:
1 computer vision, 2 full-resolution CV and a local model, 3 OpenAI and Anthropic, 4 a deep model.
Without --server the tiers run in this process with the backend's configuration (CHORUS_EXTRACTORS_CONFIG,
OPENAI_API_KEY, ANTHROPIC_API_KEY, CHORUS_LOCAL_BASE_URL, CHORUS_DAILY_BUDGET_USD, CHORUS_DATA_DIR, default
./.chorus); an extractor without its key or URL is skipped, and the output says why.
  --json             print one JSON document: {"results":[{"file","width","height","colors":[…],
                     "timings_ms":{…},"tiers":[…],"total_cost"}]}
  --no-ai            computer vision only (no model is asked)
  --server URL       stream each run from a running backend, e.g. http://localhost:8787
  --max-cost USD     spend cap per image (default ${DEFAULT_MAX_COST_USD}, at most ${MAX_COST_LIMIT_USD})
  --paid auto|always auto (default): the deep model only when tier 3 left doubt; always: run it anyway
  --format F         write the final palette as design tokens: dtcg (DTCG 2025.10), tokens-studio, css, json
  --out PATH         the token file (stdout without it); with several images a directory, one file each
Unreadable files are reported on stderr, the others still processed; the exit code is 1 if any failed.`;

/** Parses argv after the script name. Throws an Error with a usage hint on an unknown flag or a bad value. */
export function parseExtractArgs(argv: readonly string[]): ExtractArgs {
  let json = false;
  let noAi = false;
  let help = false;
  let server: URL | undefined;
  let maxCost = DEFAULT_MAX_COST_USD;
  let paid: 'auto' | 'always' = 'auto';
  let format: TokenFormat | undefined;
  let out: string | undefined;
  const files: string[] = [];
  let flagsDone = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (flagsDone || !arg.startsWith('-') || arg === '-') {
      files.push(arg);
      continue;
    }
    // `--flag=value` and `--flag value` both work for the flags that take a value.
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      if (eq > 0 && name !== arg) return arg.slice(eq + 1);
      const next = argv[++i];
      if (next === undefined) throw usageError(`${name} needs a value`);
      return next;
    };
    const flag = (): true => {
      if (name !== arg) throw usageError(`${name} takes no value`);
      return true;
    };
    if (arg === '--') flagsDone = true;
    else if (name === '--json') json = flag();
    else if (name === '--no-ai') noAi = flag();
    else if (name === '--help' || name === '-h') help = flag();
    else if (name === '--server') server = parseServerUrl(value());
    else if (name === '--max-cost') maxCost = parseMaxCost(value());
    else if (name === '--paid') paid = parsePaid(value());
    else if (name === '--format') format = parseFormat(value());
    else if (name === '--out') out = value();
    else throw usageError(`unknown option ${arg}`);
  }
  if (format && json) throw usageError('--json and --format both choose what goes to stdout; use one');
  if (out !== undefined && !format) throw usageError('--out needs --format (which token file to write)');
  if (format && out === undefined && files.length > 1) throw usageError('several images make several token files: give --out DIR');
  return { json, noAi, help, ...(server ? { server } : {}), maxCost, paid, ...(format ? { format } : {}), ...(out !== undefined ? { out } : {}), files };
}

function parseServerUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw usageError(`--server needs a URL like http://localhost:8787, got "${text}"`);
  }
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol)) throw usageError(`--server needs an http(s) or ws(s) URL, got "${text}"`);
  return url;
}

function parseFormat(text: string): TokenFormat {
  const format = TOKEN_FORMATS.find((f) => f === text);
  if (!format) throw usageError(`--format is one of ${TOKEN_FORMATS.join(', ')}, got "${text}"`);
  return format;
}

function parseMaxCost(text: string): number {
  const usd = Number(text.replace(/^\$/, ''));
  if (text.trim() === '' || !Number.isFinite(usd) || usd < 0 || usd > MAX_COST_LIMIT_USD) {
    throw usageError(`--max-cost needs an amount of US dollars from 0 to ${MAX_COST_LIMIT_USD}, got "${text}"`);
  }
  return usd;
}

function parsePaid(text: string): 'auto' | 'always' {
  if (text === 'auto' || text === 'always') return text;
  throw usageError(`--paid is auto or always, got "${text}"`);
}

const usageError = (message: string): Error => new Error(`${message}\n${EXTRACT_USAGE}`);
