// The design-system benchmark on its own (also part of `npm run bench`): the document voter on the
// figma fake, with the fixtures built as layer trees.
//
//   npx tsx bench/run-design-system.ts [--quick] [--runs N] [--write]
import { designSystemBench } from './design-system/design-system-bench.ts';
import { runSectionCli } from './section.ts';

await runSectionCli('design-system', designSystemBench);
