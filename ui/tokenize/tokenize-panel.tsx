import { useState } from 'preact/hooks';
import type { TokenizePreviewMessage } from '../../core/messages/design-system-messages.ts';
import { ChorusError } from '../chorus-error.ts';
import type { PluginChannel } from '../plugin-channel.ts';

type State =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'preview'; preview: TokenizePreviewMessage; kept: ReadonlySet<string> }
  | { kind: 'done'; preview: TokenizePreviewMessage }
  | { kind: 'failed'; text: string };

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/**
 * Tokenize the selection (opt-in): a preview of the selected layers' fills and strokes that match
 * a variable Chorus wrote or reused (ΔE00 under 1), a count per variable to keep or drop, then one
 * click binds them, one undo step. Already-bound paints, farther colours and mixed text are said, not touched.
 */
export function TokenizePanel({ channel, prefix }: { readonly channel: PluginChannel; readonly prefix: string }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const fail = (error: unknown) => setState({ kind: 'failed', text: ChorusError.from(error).message });
  const preview = (): void => {
    setState({ kind: 'working' });
    channel.request({ type: 'tokenize-preview', prefix }).then((reply) => setState({ kind: 'preview', preview: reply.preview, kept: new Set(reply.preview.counts.map((c) => c.variableId)) }), fail);
  };
  const apply = (kept: ReadonlySet<string>): void => {
    setState({ kind: 'working' });
    channel.request({ type: 'tokenize-apply', prefix, variableIds: [...kept] }).then((reply) => setState({ kind: 'done', preview: reply.preview }), fail);
  };
  const untouched = (p: TokenizePreviewMessage) =>
    [p.alreadyBound > 0 ? `${plural(p.alreadyBound, 'paint')} already bound` : '', p.outside > 0 ? `${plural(p.outside, 'paint')} no variable matches` : '', p.mixedText > 0 ? `${plural(p.mixedText, 'text layer')} with mixed colours` : '']
      .filter((s) => s !== '')
      .join(', ');

  return (
    <section class="panel panel--tokenize" aria-labelledby="tokenize-title" data-testid="tokenize-panel">
      <h2 class="panel-title" id="tokenize-title">
        Tokenize selection
      </h2>
      {(state.kind === 'idle' || state.kind === 'done' || state.kind === 'failed') && (
        <div class="writer-row">
          <span>Bind the selected layers' matching colours to the variables.</span>
          <button type="button" class="button" onClick={preview} data-testid="tokenize-preview">
            Preview
          </button>
        </div>
      )}
      {state.kind === 'working' && <p class="summary">Working…</p>}
      {state.kind === 'failed' && (
        <p class="problem" role="alert">
          {state.text}
        </p>
      )}
      {state.kind === 'preview' && (
        <>
          <ul class="plan-list">
            {state.preview.counts.map((c) => (
              <li class="plan-row" key={c.variableId} data-testid="tokenize-row">
                <span class="plan-swatch" style={{ background: c.hex }} aria-hidden="true" />
                <label class="checkbox checkbox--inline">
                  <input
                    type="checkbox"
                    checked={state.kept.has(c.variableId)}
                    onChange={(event) => {
                      const kept = new Set(state.kept);
                      if (event.currentTarget.checked) kept.add(c.variableId);
                      else kept.delete(c.variableId);
                      setState({ ...state, kept });
                    }}
                  />
                  <span>
                    {c.variableName}: {plural(c.fills, 'fill')}, {plural(c.strokes, 'stroke')}
                  </span>
                </label>
              </li>
            ))}
          </ul>
          {state.preview.counts.length === 0 && <p class="summary">Nothing in the selection matches a Chorus variable closely enough (ΔE under 1).</p>}
          {untouched(state.preview) !== '' && <p class="summary">Left as they are: {untouched(state.preview)}.</p>}
          {state.preview.cut && <p class="summary">The selection is very large: only its first 20,000 layers were looked at.</p>}
          <div class="writer-row">
            <button type="button" class="button" onClick={() => setState({ kind: 'idle' })}>
              Cancel
            </button>
            <button type="button" class="button button--primary" disabled={state.kept.size === 0} onClick={() => apply(state.kept)} data-testid="tokenize-apply">
              Bind
            </button>
          </div>
        </>
      )}
      {state.kind === 'done' && (
        <p class="summary" role="status" data-testid="tokenize-result">
          Bound {plural(state.preview.counts.reduce((n, c) => n + c.fills + c.strokes, 0), 'paint')} to {plural(state.preview.counts.length, 'variable')}. Undo takes it back in one step.
        </p>
      )}
    </section>
  );
}
