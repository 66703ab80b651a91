import { ServerField } from './server-field.tsx';
import type { SettingsState } from './use-settings.ts';

/** Settings kept across sessions, under the selection bar while open. */
export function SettingsPanel({ settings }: { settings: SettingsState }) {
  return (
    <section class="settings" id="settings-panel" aria-label="Settings">
      <ServerField server={settings.serverUrl} />
    </section>
  );
}
