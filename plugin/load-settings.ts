import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../core/messages/plugin-messages.ts';

/** The figma.clientStorage key of the designer's settings. */
export const SETTINGS_STORAGE_KEY = 'chorus.settings';

/**
 * The designer's settings from figma.clientStorage, field by field: a field that is missing (saved
 * by an older Chorus) or no longer valid takes its default, and the other fields are kept. Nothing
 * stored, or something that is not an object, gives DEFAULT_SETTINGS: settings are a convenience,
 * never a reason to fail. A storage error propagates.
 */
export async function loadSettings(figma: PluginAPI): Promise<Settings> {
  const stored: unknown = await figma.clientStorage.getAsync(SETTINGS_STORAGE_KEY);
  const fields = typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  const prefix = settingsSchema.shape.prefix.safeParse(fields['prefix']);
  const serverUrl = settingsSchema.shape.serverUrl.safeParse(fields['serverUrl']);
  const accessToken = settingsSchema.shape.accessToken.safeParse(fields['accessToken']);
  const variables = settingsSchema.shape.variables.safeParse(fields['variables']);
  const useLearnedWeights = settingsSchema.shape.useLearnedWeights.safeParse(fields['useLearnedWeights']);
  return {
    prefix: prefix.success ? prefix.data : DEFAULT_SETTINGS.prefix,
    serverUrl: serverUrl.success ? serverUrl.data : DEFAULT_SETTINGS.serverUrl,
    accessToken: accessToken.success ? accessToken.data : DEFAULT_SETTINGS.accessToken,
    variables: variables.success ? variables.data : DEFAULT_SETTINGS.variables,
    useLearnedWeights: useLearnedWeights.success ? useLearnedWeights.data : DEFAULT_SETTINGS.useLearnedWeights,
  };
}
