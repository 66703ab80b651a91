import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../core/messages/plugin-messages.ts';

/** The figma.clientStorage key of the designer's settings. */
export const SETTINGS_STORAGE_KEY = 'chorus.settings';

/**
 * The designer's settings from figma.clientStorage. Nothing stored, or something that no longer
 * matches the schema (an older version's shape, a cleared cache) gives DEFAULT_SETTINGS: settings
 * are a convenience, never a reason to fail. A storage error propagates.
 */
export async function loadSettings(figma: PluginAPI): Promise<Settings> {
  const stored: unknown = await figma.clientStorage.getAsync(SETTINGS_STORAGE_KEY);
  const parsed = settingsSchema.safeParse(stored);
  return parsed.success ? parsed.data : { ...DEFAULT_SETTINGS };
}
