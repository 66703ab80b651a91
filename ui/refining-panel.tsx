import { useState } from 'preact/hooks';
import type { BackendRunState } from './backend/backend-run.ts';
import { formatCost } from './backend/format-cost.ts';
import { ExtractorRow } from './extractor-row.tsx';
import { InlineCode } from './inline-code.tsx';

export interface RefiningPanelProps {
  readonly state: BackendRunState;
  readonly onRetry: () => void;
  /** Opens Settings, where the server is set; absent where the server is fixed (the playground). */
  readonly onOpenSettings?: (() => void) | undefined;
}

/**
 * The backend's tiers as they land: each extractor's state, the cost so far against the run's
 * budget and the vote's confidence; or, when the backend is missing or stopped, one line saying
 * why, with a retry. Nothing when no server is set.
 */
export function RefiningPanel({ state, onRetry, onOpenSettings }: RefiningPanelProps) {
  const [open, setOpen] = useState(true);
  if (state.phase === 'off') return null;

  const progress = state.phase === 'connecting' ? null : state.progress;
  const live = state.phase === 'connecting' || state.phase === 'streaming';
  const title = state.phase === 'complete' ? 'Refined' : state.phase === 'failed' ? 'Refining stopped' : 'Refining';
  // Tier 1 ran here in the plugin and went as votes; the server's copy of it is not news.
  const extractors = (progress?.extractors ?? []).filter((e) => !(e.state === 'skipped' && e.code === 'CLIENT_VOTES'));
  const finished = extractors.filter((e) => e.state !== 'pending' && e.state !== 'running').length;

  return (
    <section class="panel panel--refining" aria-labelledby="refining-title" data-testid="refining" data-phase={state.phase}>
      <h2 class="panel-title">
        {extractors.length > 0 ? (
          <button
            type="button"
            class="disclosure"
            id="refining-title"
            aria-expanded={open}
            aria-controls="refining-list"
            onClick={() => setOpen(!open)}
          >
            <span class={`caret${open ? ' caret--open' : ''}`} aria-hidden="true" />
            {title}
          </button>
        ) : (
          <span id="refining-title">{title}</span>
        )}
        {live && <span class="spinner spinner--small" aria-hidden="true" />}
        {progress && extractors.length > 0 && (
          <span class="panel-count" title="Extractors settled, of all the server has">
            {finished}/{extractors.length}
          </span>
        )}
        {progress && (
          <span class="refining-meta" data-testid="refining-meta">
            <span title="Spent on this run so far, of its budget">
              {formatCost(progress.totalCost)} of {formatCost(progress.maxCost)}
            </span>
            {progress.tiers.length > 0 && <span title="Confidence of the latest vote">{Math.round(progress.confidence * 100)}% sure</span>}
          </span>
        )}
      </h2>
      {state.phase === 'connecting' && (
        <p class="refining-line" role="status">
          Connecting to {state.serverUrl}…
        </p>
      )}
      {open && extractors.length > 0 && (
        <ul class="extractors" id="refining-list">
          {extractors.map((extractor) => (
            <ExtractorRow extractor={extractor} live={live} key={extractor.id} />
          ))}
        </ul>
      )}
      {progress?.budgetWarning && <p class="refining-line refining-line--warning">{progress.budgetWarning}</p>}
      {state.phase === 'failed' && (
        <div class="refining-problem" role="alert" data-testid="backend-problem" data-code={state.problem.code}>
          <p title={state.problem.detail}>
            <InlineCode text={state.problem.message} />
          </p>
          <div class="refining-actions">
            {onOpenSettings && (
              <button type="button" class="button button--secondary" onClick={onOpenSettings}>
                Settings
              </button>
            )}
            <button type="button" class="button button--secondary" onClick={onRetry}>
              Retry
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
