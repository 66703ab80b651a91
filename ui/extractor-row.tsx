import type { ExtractorProgress } from '../core/protocol/run-progress.ts';
import { extractorLabel } from './backend/extractor-label.ts';
import { formatCost } from './backend/format-cost.ts';

/** What each state reads as. */
const STATE_TEXT: Record<ExtractorProgress['state'], string> = {
  pending: 'waiting',
  running: 'running…',
  done: 'done',
  failed: 'failed',
  timeout: 'timed out',
  skipped: 'skipped',
  cancelled: 'cancelled',
};

/**
 * One extractor of a run: its state, and why it did not run or finish (inline, cut to the row;
 * the whole reason on hover). `live` is false once the run has stopped, so nothing spins.
 */
export function ExtractorRow({ extractor, live }: { extractor: ExtractorProgress; live: boolean }) {
  const state: ShownState = !live && (extractor.state === 'running' || extractor.state === 'pending') ? 'stopped' : extractor.state;
  const text = state === 'stopped' ? 'stopped' : STATE_TEXT[extractor.state];
  const detail = detailOf(extractor);
  const title = [
    `${extractorLabel(extractor.id)} (tier ${extractor.tier}${extractor.model ? `, ${extractor.model}` : ''})`,
    `${text}${extractor.reason ? `: ${extractor.reason}` : ''}`,
  ].join('\n');
  return (
    <li class="extractor" data-testid="extractor" data-extractor={extractor.id} data-state={extractor.state} title={title}>
      <StateIcon state={state} />
      <span class="extractor-name">{extractorLabel(extractor.id)}</span>
      {extractor.model && <span class="extractor-model">{extractor.model}</span>}
      <span class={`extractor-status extractor-status--${state}`}>
        {text}
        {detail && <span class="extractor-detail">{detail}</span>}
      </span>
    </li>
  );
}

/** `: Set OPENAI_API_KEY…`, `· cached`, `· 1.2 s · $0.0006`. */
function detailOf(extractor: ExtractorProgress): string {
  if (extractor.state === 'done') {
    if (extractor.cached) return ' · cached';
    const parts = [];
    if (extractor.durationMs !== undefined) parts.push(`${(extractor.durationMs / 1000).toFixed(1)} s`);
    if (extractor.cost > 0) parts.push(formatCost(extractor.cost));
    return parts.length > 0 ? ` · ${parts.join(' · ')}` : '';
  }
  return extractor.reason ? `: ${extractor.reason}` : '';
}

type ShownState = ExtractorProgress['state'] | 'stopped';

/** 12 px status glyphs, drawn so they need no icon font. */
function StateIcon({ state }: { state: ShownState }) {
  if (state === 'running') return <span class="spinner spinner--small" aria-hidden="true" />;
  const glyph: Record<Exclude<ShownState, 'running'>, string> = {
    pending: '○',
    done: '✓',
    failed: '✕',
    timeout: '◷',
    skipped: '–',
    cancelled: '–',
    stopped: '–',
  };
  return (
    <span class={`state-icon state-icon--${state}`} aria-hidden="true">
      {glyph[state]}
    </span>
  );
}
