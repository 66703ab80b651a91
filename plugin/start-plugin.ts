import type { PluginMessage } from '../core/messages/plugin-messages.ts';
import { describeSelection } from './describe-selection.ts';
import { createUiMessageHandler } from './handle-ui-message.ts';

/** The plugin window, in px: room for a palette of swatches and the review panel. */
export const UI_WIDTH = 360;
export const UI_HEIGHT = 560;

/**
 * Starts Chorus in the sandbox: shows the UI, registers the one message handler, and pushes
 * `selection-changed` now and on every `selectionchange`. Takes `figma` and the UI's html as
 * arguments (main.ts passes the globals) so tests and the browser harness can run it on a fake.
 */
export function startPlugin(figma: PluginAPI, html: string): void {
  figma.showUI(html, { width: UI_WIDTH, height: UI_HEIGHT, themeColors: true });
  const post = (message: PluginMessage): void => figma.ui.postMessage(message);
  figma.ui.onmessage = createUiMessageHandler(figma, post);
  const pushSelection = (): void => post(describeSelection(figma.currentPage.selection));
  figma.on('selectionchange', pushSelection);
  pushSelection();
}
