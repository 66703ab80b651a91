import type { SelectedNode } from './use-selection.ts';

export interface SelectionBarProps {
  /** `null` until the plugin has told us the selection. */
  nodes: readonly SelectedNode[] | null;
  busy: boolean;
  onExtract: () => void;
  settingsOpen: boolean;
  onToggleSettings: () => void;
}

/** The selection's names and the Extract button, enabled when something selected can be exported. */
export function SelectionBar({ nodes, busy, onExtract, settingsOpen, onToggleSettings }: SelectionBarProps) {
  const exportable = nodes?.filter((node) => node.exportable) ?? [];
  const skipped = (nodes?.length ?? 0) - exportable.length;
  return (
    <section class="bar" aria-label="Selection">
      <div class="bar-text" data-testid="selection">
        {exportable.length === 0 ? (
          <span class="hint">{nodes && nodes.length > 0 ? 'Nothing selected can be exported. Select one or more frames' : 'Select one or more frames'}</span>
        ) : (
          <>
            <span class="bar-count">{exportable.length === 1 ? '1 frame' : `${exportable.length} frames`}</span>
            <span class="bar-names" title={exportable.map((node) => node.name).join(', ')}>
              {exportable.map((node) => node.name).join(', ')}
            </span>
            {skipped > 0 && (
              <span class="bar-skipped" title="Selected layers that cannot be exported as an image">
                {skipped} skipped
              </span>
            )}
          </>
        )}
      </div>
      <button
        type="button"
        class={`icon-button${settingsOpen ? ' icon-button--on' : ''}`}
        aria-label="Settings"
        title="Settings"
        aria-expanded={settingsOpen}
        aria-controls="settings-panel"
        onClick={onToggleSettings}
      >
        <SettingsIcon />
      </button>
      <button type="button" class="button button--primary" disabled={busy || exportable.length === 0} onClick={onExtract}>
        {busy ? 'Extracting…' : 'Extract palette'}
      </button>
    </section>
  );
}

/** Figma's "adjust" glyph: two sliders, 16 px. */
function SettingsIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M2 5h6M12 5h2M2 11h2M8 11h6" stroke="currentColor" stroke-width="1" fill="none" />
      <circle cx="10" cy="5" r="1.75" stroke="currentColor" stroke-width="1" fill="none" />
      <circle cx="6" cy="11" r="1.75" stroke="currentColor" stroke-width="1" fill="none" />
    </svg>
  );
}
