import type { OpenRunSocket } from '../backend/run-socket.ts';
import type { PluginChannel } from '../plugin-channel.ts';

/**
 * Where Chorus's UI runs, and what it can do there: Figma's plugin iframe (the sandbox answers
 * the channel's requests from the file) or the backend's browser playground (the page answers
 * them itself: the dropped image is the selection, settings live in localStorage). The App is the
 * same code for both; it asks `can` which of the file's actions to show.
 */
export interface Host {
  /** The plugin's requests, answered by Figma's sandbox or, in the playground, by the page. */
  readonly channel: PluginChannel;
  readonly can: HostCapabilities;
  /** The playground's input: an image dropped, pasted or picked becomes the selection. Absent in Figma. */
  readonly images?: ImageInput;
  /** How the backend is reached beyond its address: the playground's `?token=`. */
  readonly backend?: BackendAccess;
  /**
   * The origins Figma lets this build reach (its manifest's networkAccess); a server elsewhere is
   * blocked by Figma's content-security policy. Absent where no manifest applies (the playground).
   */
  readonly reachableDomains?: readonly string[];
}

export interface HostCapabilities {
  /** Create styles (and variables) in the file. */
  readonly writeStyles: boolean;
  /** The Review tab: the file's flagged colours, selecting their source frames, learned weights. */
  readonly fileReview: boolean;
  /** Export tokens from the Chorus styles already in the file ("Styles in this file"). */
  readonly fileTokens: boolean;
  /** Settle a conflict by picking a candidate in the palette itself: there is no file to flag it in. */
  readonly reviewInPalette: boolean;
  /** The designer sets the backend's address in Settings (the playground's backend is the page's own server). */
  readonly chooseServer: boolean;
}

export const FIGMA_CAPABILITIES: HostCapabilities = {
  writeStyles: true,
  fileReview: true,
  fileTokens: true,
  reviewInPalette: false,
  chooseServer: true,
};

export const BROWSER_CAPABILITIES: HostCapabilities = {
  writeStyles: false,
  fileReview: false,
  fileTokens: false,
  reviewInPalette: true,
  chooseServer: false,
};

export interface ImageInput {
  /**
   * Makes the image the selection, as Figma would export it (PNG, at most MAX_EXPORT_SIDE px a
   * side). Resolves once the selection says so; rejects with a ChorusError DECODE_FAILED when the
   * file is not an image the browser can read, or too large.
   */
  put(file: Blob, name: string): Promise<void>;
}

export interface BackendAccess {
  /** Opens the run's WebSocket (e.g. with the access token in its query). */
  readonly openSocket?: OpenRunSocket;
  /** For the backend's other calls (e.g. with `Authorization: Bearer`). */
  readonly fetch?: typeof fetch;
}
