import type { ErrorCode } from '../core/messages/plugin-messages.ts';

/**
 * A failure the designer should hear about: a contract error code and a sentence they can act on.
 * Thrown anywhere in plugin/, turned into one `failed` reply in one place (handle-ui-message.ts),
 * the way Hono turns an HTTPException into a response in its `onError`.
 */
export class PluginFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PluginFailure';
  }
}
