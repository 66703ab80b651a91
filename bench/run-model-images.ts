// What each configured model is sent per image, on its own (also part of `npm run bench`): pixels,
// bytes, image tokens and the call estimate at the sizes sent, against full size before issue 9.
//
//   npx tsx bench/run-model-images.ts [--quick] [--write]
import { modelImageBench } from './model-images/model-image-bench.ts';
import { runSectionCli } from './section.ts';

await runSectionCli('model-images', modelImageBench);
