// `npm run -s extract -- [--json] [--no-ai] [--server URL] [--max-cost USD] [--paid auto|always] FILE.png...`
import { EXIT, runExtract } from './run-extract.ts';

// The first Ctrl-C aborts the run in flight, so its provider calls stop and the ledger releases what
// they held (a killed process leaves its reservations counted against today's cap); a second one quits.
const interrupt = new AbortController();
process.once('SIGINT', () => {
  interrupt.abort();
  process.once('SIGINT', () => process.exit(EXIT.interrupted));
});

const code = await runExtract(
  process.argv.slice(2),
  {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTty: Boolean(process.stdout.isTTY),
    ...(process.stdout.columns ? { columns: process.stdout.columns } : {}),
  },
  { env: process.env, signal: interrupt.signal },
);
process.exitCode = code;
