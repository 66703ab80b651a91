// The consensus benchmark on its own (also part of `npm run bench`): the vote on the fixtures with
// CV extractors alone and with simulated model votes, scored against the truth.
//
//   npx tsx bench/run-consensus.ts [--quick] [--runs N] [--write]
//
// Markdown on stdout, progress on stderr; --runs: timed consensus() calls per screen; --write puts
// the report between the consensus markers of BENCHMARKS.md.
import { consensusBench } from './consensus/consensus-bench.ts';
import { runSectionCli } from './section.ts';

await runSectionCli('consensus', consensusBench);
