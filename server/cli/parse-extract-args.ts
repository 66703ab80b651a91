/** What `chorus extract` was asked to do. */
export interface ExtractArgs {
  readonly json: boolean;
  /** Keep to computer vision: tier 1 only, no model is asked (the only mode until AI tiers exist). */
  readonly noAi: boolean;
  readonly help: boolean;
  readonly files: readonly string[];
}

export const EXTRACT_USAGE = `usage: npm run -s extract -- [--json] [--no-ai] FILE.png...

Extracts a colour palette from each image with Chorus's tier-1 computer vision.
  --json    print one JSON document: {"results":[{"file","width","height","colors":[…],"timings_ms":{…}}]}
  --no-ai   computer vision only (no AI tiers)
Unreadable files are reported on stderr, the others still processed; the exit code is 1 if any failed.`;

/** Parses argv after the script name. Throws an Error with a usage hint on an unknown flag. */
export function parseExtractArgs(argv: readonly string[]): ExtractArgs {
  let json = false;
  let noAi = false;
  let help = false;
  const files: string[] = [];
  let flagsDone = false;
  for (const arg of argv) {
    if (flagsDone || !arg.startsWith('-') || arg === '-') files.push(arg);
    else if (arg === '--') flagsDone = true;
    else if (arg === '--json') json = true;
    else if (arg === '--no-ai') noAi = true;
    else if (arg === '--help' || arg === '-h') help = true;
    else throw new Error(`unknown option ${arg}\n${EXTRACT_USAGE}`);
  }
  return { json, noAi, help, files };
}
