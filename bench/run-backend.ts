// The backend streaming benchmark on its own (also part of `npm run bench`):
//
//   npx tsx bench/run-backend.ts [--quick] [--runs PASSES] [--write]
//
// Markdown on stdout, progress on stderr; --write puts it between the backend markers of BENCHMARKS.md.
import { backendBench } from './backend/backend-bench.ts';
import { runSectionCli } from './section.ts';

await runSectionCli('backend', backendBench);
