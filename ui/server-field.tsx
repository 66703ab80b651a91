import { DEFAULT_SERVER_URL } from '../core/messages/plugin-messages.ts';
import { blockedOrigins } from './backend/blocked-origins.ts';
import { InlineCode } from './inline-code.tsx';
import { SettingInput } from './setting-input.tsx';
import type { TextSetting } from './use-settings.ts';

/**
 * The backend's address; saved for next time when the field loses focus or on Enter. Warns when
 * the address is one this build's manifest does not let Figma reach (`reachableDomains`).
 */
export function ServerField({ server, reachableDomains }: { server: TextSetting; reachableDomains?: readonly string[] | undefined }) {
  const invalid = server.valid === null;
  const blocked = !invalid && reachableDomains && server.valid !== '' ? blockedOrigins(server.valid, reachableDomains) : [];
  return (
    <div class="field">
      <label class="field-label" for="server-url">
        Chorus server
      </label>
      <SettingInput
        id="server-url"
        setting={server}
        type="url"
        maxLength={2048}
        placeholder="None: colours from the plugin only"
        describedBy={blocked.length > 0 ? 'server-url-hint server-url-blocked' : 'server-url-hint'}
      />
      <p class={invalid ? 'problem' : 'field-hint'} id="server-url-hint">
        {invalid
          ? 'Use an address like http://localhost:8787, or leave it empty for no server.'
          : `Refines the palette with more extractors and AI models. Default ${DEFAULT_SERVER_URL}; empty for none.`}
      </p>
      {blocked.length > 0 && (
        <p class="problem" id="server-url-blocked" role="alert" data-testid="server-url-blocked">
          <InlineCode
            text={`Figma will block ${blocked.join(' and ')}: this build's manifest does not allow it. Rebuild with \`CHORUS_BACKEND_URL=${server.valid ?? ''} npm run build\` and import dist/manifest.json.`}
          />
        </p>
      )}
    </div>
  );
}
