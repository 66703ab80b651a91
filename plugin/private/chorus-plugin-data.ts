/**
 * Where Chorus keeps what must outlive a plugin id: its find-again keys, provenance, review
 * markers, decisions and learning live in *shared* plugin data under the `chorus` namespace.
 * Private plugin data "becomes inaccessible if your plugin ID changes" (setPluginData docs), so a
 * file written by a development build would lose every style's identity, flag and decision the day
 * Chorus is published under a Figma-assigned id. Every read and write of Chorus's data goes
 * through these two functions; migrateChorusData moves what earlier versions wrote privately.
 * Shared data is readable by other plugins: nothing secret is kept there (nor anywhere in the file).
 */
export const CHORUS_NAMESPACE = 'chorus';

/** Chorus's keys are spelled `chorus.<name>` (chorus-style-data.ts); in the namespace they are `<name>`. */
const KEY_PREFIX = 'chorus.';

/** The key's name inside the `chorus` namespace: `chorus.hex` → `hex`. */
export function sharedKeyOf(key: string): string {
  return key.startsWith(KEY_PREFIX) ? key.slice(KEY_PREFIX.length) : key;
}

/**
 * The value Chorus keeps under `key` (e.g. CHORUS_STYLE_DATA.hex) on `owner`, "" when none. Until
 * the file is migrated, a value only an earlier Chorus wrote (privately) still counts.
 */
export function getChorusData(owner: PluginDataMixin, key: string): string {
  const shared = owner.getSharedPluginData(CHORUS_NAMESPACE, sharedKeyOf(key));
  return shared !== '' ? shared : owner.getPluginData(key);
}

/** Sets (or, with "", removes) Chorus's `key` on `owner`, and drops an earlier private copy so it cannot resurface. */
export function setChorusData(owner: PluginDataMixin, key: string, value: string): void {
  owner.setSharedPluginData(CHORUS_NAMESPACE, sharedKeyOf(key), value);
  if (owner.getPluginData(key) !== '') owner.setPluginData(key, '');
}
