import {
  DEFAULT_SETTINGS,
  settingsSchema,
  type ExportedImage,
  type PluginMessage,
  type Settings,
  type UiRequest,
} from '../../../core/messages/plugin-messages.ts';

/** Where the playground keeps the designer's settings in localStorage. */
export const PLAYGROUND_SETTINGS_KEY = 'chorus.playground.settings';

/** The little of localStorage the playground needs; tests pass a Map-backed one. */
export type SettingsStorage = Pick<Storage, 'getItem' | 'setItem'>;

export interface BrowserPluginOptions {
  readonly storage: SettingsStorage;
  /** The backend the playground was served by: always the server, whatever is stored. */
  readonly serverUrl: string;
  /** The image dropped, pasted or picked last, or null before the first. */
  readonly image: () => ExportedImage | null;
}

/**
 * The playground's stand-in for Figma's sandbox: answers the UI's requests in the page, each with
 * exactly one reply carrying its id, as plugin/handle-ui-message.ts does. The "selection" is the
 * image the designer gave; settings live in localStorage (the server always the page's own, no
 * learned weights: there is no file to learn from). Requests that need a Figma file are answered
 * `failed` (the App hides what sends them). Never rejects.
 */
export function createBrowserPlugin(options: BrowserPluginOptions): (request: UiRequest) => Promise<PluginMessage> {
  const failed = (request: UiRequest, message: string): PluginMessage => ({ type: 'failed', id: request.id, error: { code: 'BAD_MESSAGE', message } });
  return async (request) => {
    const image = options.image();
    switch (request.type) {
      case 'get-selection':
        return { type: 'get-selection-done', id: request.id, nodes: image ? [{ id: image.nodeId, name: image.name, exportable: true }] : [] };
      case 'export-selection':
        if (!image) {
          return { type: 'failed', id: request.id, error: { code: 'NO_SELECTION', message: 'Drop, paste or choose an image first.' } };
        }
        return { type: 'export-selection-done', id: request.id, images: [image] };
      case 'load-settings':
        return { type: 'load-settings-done', id: request.id, settings: loadSettings(options) };
      case 'save-settings':
        try {
          options.storage.setItem(PLAYGROUND_SETTINGS_KEY, JSON.stringify({ ...request.settings, accessToken: '' }));
        } catch (error) {
          // Private browsing or a full quota: the settings last for this page only.
          const reason = error instanceof Error ? error.message : String(error);
          return { type: 'failed', id: request.id, error: { code: 'INTERNAL', message: `The browser would not keep the settings (${reason}); they last until you reload.` } };
        }
        return { type: 'save-settings-done', id: request.id };
      case 'list-reviews':
        return { type: 'list-reviews-done', id: request.id, reviews: [], learning: {} };
      case 'load-learning':
        return { type: 'load-learning-done', id: request.id, learning: {} };
      case 'read-document':
        // The playground's selection is an image: no layers to read, the pixels speak alone.
        return { type: 'read-document-done', id: request.id, read: { paints: [], rootAreas: [], visited: 0, imageFills: image ? 1 : 0, ms: 0 } };
      case 'write-styles':
      case 'plan-write':
      case 'write-plan':
      case 'write-modes':
      case 'tokenize-preview':
      case 'tokenize-apply':
      case 'resolve-review':
      case 'resolve-all-reviews':
      case 'select-node':
      case 'export-file-tokens':
        return failed(request, `“${request.type}” needs a Figma file; the playground has none. Install the Chorus plugin to write styles.`);
    }
  };
}

/**
 * The stored settings (a field that does not parse takes its default), with the page's own server
 * and no access token: the page's `?token=` is the playground's, and a token is not kept in localStorage.
 */
function loadSettings(options: BrowserPluginOptions): Settings {
  let stored: unknown;
  try {
    stored = JSON.parse(options.storage.getItem(PLAYGROUND_SETTINGS_KEY) ?? 'null');
  } catch {
    stored = null;
  }
  const parsed = settingsSchema.safeParse(stored);
  const settings = parsed.success ? parsed.data : DEFAULT_SETTINGS;
  return { ...settings, serverUrl: options.serverUrl, accessToken: '', useLearnedWeights: false };
}
