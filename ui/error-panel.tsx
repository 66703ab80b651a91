import type { PluginError } from '../core/messages/plugin-messages.ts';

/** A failed run: its code, the sentence to act on, and a way to try again. */
export function ErrorPanel({ error, onRetry }: { error: PluginError; onRetry: () => void }) {
  return (
    <div class="state state--error" role="alert" data-testid="error">
      <p class="error-message">{error.message}</p>
      <p class="error-code">{error.code}</p>
      <button type="button" class="button button--secondary" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
