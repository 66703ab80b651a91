import { AccessTokenField } from './access-token-field.tsx';
import { ServerField } from './server-field.tsx';
import type { SettingsState } from './use-settings.ts';

/** Settings kept across sessions, under the selection bar while open. */
export function SettingsPanel({ settings, reachableDomains }: { settings: SettingsState; reachableDomains?: readonly string[] | undefined }) {
  return (
    <section class="settings" id="settings-panel" aria-label="Settings">
      <ServerField server={settings.serverUrl} reachableDomains={reachableDomains} />
      <AccessTokenField token={settings.accessToken} />
    </section>
  );
}
