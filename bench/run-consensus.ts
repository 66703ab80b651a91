// The panel bench on its own (also part of `npm run bench`): every fixture screen and real
// screenshot through the real backend and SDKs against a panel of simulated models with seeded
// failure modes, CV alone and the ensemble judged against the truth.
//
//   npx tsx bench/run-consensus.ts [--quick] [--write]
//
// Markdown on stdout, progress on stderr; --quick: one seed, five screens of each set; --write puts
// the report between the consensus markers of BENCHMARKS.md.
import { consensusBench } from './consensus/consensus-bench.ts';
import { runSectionCli } from './section.ts';

await runSectionCli('consensus', consensusBench);
