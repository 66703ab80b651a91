export type View = 'palette' | 'review';

export interface ViewTabsProps {
  readonly view: View;
  readonly onView: (view: View) => void;
  /** Flagged colours in the file, once read; shown on the Review tab. */
  readonly reviewCount: number | null;
}

/** Palette (this run) and Review (the file's flagged colours): the Review panel needs no run. */
export function ViewTabs({ view, onView, reviewCount }: ViewTabsProps) {
  const tab = (id: View, label: string, count: number | null) => (
    <button
      type="button"
      role="tab"
      id={`tab-${id}`}
      class={`tab${view === id ? ' tab--on' : ''}`}
      aria-selected={view === id}
      aria-controls={`view-${id}`}
      tabIndex={view === id ? 0 : -1}
      onClick={() => onView(id)}
      onKeyDown={(event) => {
        // Arrow keys move between tabs (WAI-ARIA tabs pattern).
        if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
          const next: View = id === 'palette' ? 'review' : 'palette';
          onView(next);
          event.currentTarget.parentElement?.querySelector<HTMLElement>(`#tab-${next}`)?.focus();
        }
      }}
    >
      {label}
      {count !== null && count > 0 && (
        <span class="tab-count" data-testid="review-count" aria-label={`, ${count} to review`}>
          {count}
        </span>
      )}
    </button>
  );
  return (
    <div class="tabs" role="tablist" aria-label="View">
      {tab('palette', 'Palette', null)}
      {tab('review', 'Review', reviewCount)}
    </div>
  );
}
