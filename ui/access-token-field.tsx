import { SettingInput } from './setting-input.tsx';
import type { TextSetting } from './use-settings.ts';

/**
 * The backend's access token, for a team server started with CHORUS_TOKEN; saved when the field
 * loses focus or on Enter. A password field: it is a credential, and screens get shared.
 */
export function AccessTokenField({ token }: { token: TextSetting }) {
  const invalid = token.valid === null;
  return (
    <div class="field">
      <label class="field-label" for="access-token">
        Access token
      </label>
      <SettingInput id="access-token" setting={token} type="password" maxLength={512} placeholder="None: the server needs no token" describedBy="access-token-hint" />
      <p class={invalid ? 'problem' : 'field-hint'} id="access-token-hint">
        {invalid
          ? 'A token is letters, digits and punctuation, without spaces. Paste it again from whoever runs the server.'
          : 'From whoever runs the server (its CHORUS_TOKEN). Kept on this computer only, never in the file.'}
      </p>
    </div>
  );
}
