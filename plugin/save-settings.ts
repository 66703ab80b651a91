import { settingsSchema, type Settings } from '../core/messages/plugin-messages.ts';
import { SETTINGS_STORAGE_KEY } from './load-settings.ts';

/** Stores the designer's settings in figma.clientStorage, checked against the schema first. */
export async function saveSettings(figma: PluginAPI, settings: Settings): Promise<void> {
  await figma.clientStorage.setAsync(SETTINGS_STORAGE_KEY, settingsSchema.parse(settings));
}
