// The backend-at-scale benchmark on its own (also part of `npm run bench`):
//
//   npx tsx bench/run-scale.ts [--quick] [--write]
//
// Markdown on stdout, progress on stderr; --write puts it between the scale markers of BENCHMARKS.md.
import { scaleBench } from './backend/scale-bench.ts';
import { runSectionCli } from './section.ts';

await runSectionCli('scale', scaleBench);
