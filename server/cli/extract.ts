// `npm run -s extract -- [--json] [--no-ai] FILE.png...`: the tier-1 pipeline from a terminal.
import { runExtract } from './run-extract.ts';

const code = await runExtract(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTty: Boolean(process.stdout.isTTY),
});
process.exitCode = code;
