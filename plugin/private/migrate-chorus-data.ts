import { CHORUS_COLLECTION_KEY, CHORUS_LEARNING_KEY, CHORUS_STYLE_DATA } from '../chorus-style-data.ts';
import { CHORUS_NAMESPACE, sharedKeyOf } from './chorus-plugin-data.ts';

/** On `figma.root`, in the `chorus` namespace: set once this file's private Chorus data has moved. */
export const MIGRATED_KEY = 'migrated-from-private';
const STYLE_KEYS = Object.values(CHORUS_STYLE_DATA);

/**
 * Moves what earlier versions of Chorus kept in private plugin data (on its styles, variables,
 * collection and the document) into shared plugin data under `chorus`, once per file, so it
 * survives the plugin id changing on publication. A value already in shared data wins (it is the
 * newer). Returns how many entries moved. Until it has run, reads fall back to the private copy
 * (getChorusData). A failure (Figma refusing a read or a write) fails the request that ran it;
 * what moved stays moved (each entry is copied before its private copy is removed), and the next
 * write carries on.
 */
export async function migrateChorusData(figma: PluginAPI): Promise<number> {
  if (figma.root.getSharedPluginData(CHORUS_NAMESPACE, MIGRATED_KEY) !== '') return 0;
  const [styles, variables, collections] = await Promise.all([
    figma.getLocalPaintStylesAsync(),
    figma.variables.getLocalVariablesAsync('COLOR'),
    figma.variables.getLocalVariableCollectionsAsync(),
  ]);
  let moved = 0;
  for (const owner of [...styles, ...variables]) for (const key of STYLE_KEYS) moved += move(owner, key);
  for (const collection of collections) moved += move(collection, CHORUS_COLLECTION_KEY);
  moved += move(figma.root, CHORUS_LEARNING_KEY);
  figma.root.setSharedPluginData(CHORUS_NAMESPACE, MIGRATED_KEY, '1');
  return moved;
}

function move(owner: PluginDataMixin, key: string): number {
  const value = owner.getPluginData(key);
  if (value === '') return 0;
  const name = sharedKeyOf(key);
  if (owner.getSharedPluginData(CHORUS_NAMESPACE, name) === '') owner.setSharedPluginData(CHORUS_NAMESPACE, name, value);
  owner.setPluginData(key, '');
  return 1;
}
