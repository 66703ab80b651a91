import { learningSchema, type Learning } from '../core/messages/plugin-messages.ts';
import { CHORUS_LEARNING_KEY } from './chorus-style-data.ts';
import { readPluginDataJson } from './private/read-plugin-data-json.ts';

/**
 * What the designer's review decisions in this document taught about each extractor, from
 * `figma.root`'s plugin data (CHORUS_LEARNING_KEY). The document node is always loaded, so this
 * works under dynamic-page. Nothing stored gives `{}`; stored JSON that is not a Learning is
 * reported on the console and also gives `{}` (the next decision then starts the count afresh).
 */
export function loadLearning(figma: PluginAPI): Learning {
  return (
    readPluginDataJson(
      figma.root,
      CHORUS_LEARNING_KEY,
      learningSchema,
      'Chorus ignored what it had learned from your review decisions in this file: the stored data is not something it can read. It starts counting afresh.',
    ) ?? {}
  );
}
