import { DEFAULT_SERVER_URL } from '../core/messages/plugin-messages.ts';
import type { TextSetting } from './use-settings.ts';

/** The backend's address; saved for next time when the field loses focus or on Enter. */
export function ServerField({ server }: { server: TextSetting }) {
  const invalid = server.valid === null;
  return (
    <div class="field">
      <label class="field-label" for="server-url">
        Chorus server
      </label>
      <input
        id="server-url"
        class="input input--mono"
        type="url"
        inputMode="url"
        spellcheck={false}
        autocomplete="off"
        maxLength={2048}
        placeholder="None: colours from the plugin only"
        value={server.draft}
        aria-invalid={invalid}
        aria-describedby="server-url-hint"
        onInput={(event) => server.setDraft(event.currentTarget.value)}
        onBlur={() => server.save()}
        onKeyDown={(event) => {
          if (event.key === 'Enter') server.save();
        }}
      />
      <p class={invalid ? 'problem' : 'field-hint'} id="server-url-hint">
        {invalid
          ? 'Use an address like http://localhost:8787, or leave it empty for no server.'
          : `Refines the palette with more extractors and AI models. Default ${DEFAULT_SERVER_URL}; empty for none.`}
      </p>
    </div>
  );
}
