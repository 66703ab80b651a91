import type { ErrorCode, PluginError } from '../core/messages/plugin-messages.ts';

/**
 * An error the designer sees: a contract code plus a sentence they can act on.
 * Thrown by the plugin channel (a `failed` reply, a timeout) and by decoding.
 */
export class ChorusError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ChorusError';
    this.code = code;
  }

  /** The wire shape, for display. */
  toPluginError(): PluginError {
    return { code: this.code, message: this.message };
  }

  /** Anything caught → a ChorusError; unknown failures become INTERNAL with their message kept. */
  static from(error: unknown): ChorusError {
    if (error instanceof ChorusError) return error;
    const detail = error instanceof Error ? error.message : String(error);
    return new ChorusError('INTERNAL', `Something went wrong inside Chorus: ${detail}`, { cause: error });
  }
}
