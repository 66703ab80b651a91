import { useState } from 'preact/hooks';
import type { PluginError, Source, WriteSummary } from '../core/messages/plugin-messages.ts';
import type { PaletteColor } from '../core/palette/palette-color.ts';
import { ChorusError } from './chorus-error.ts';
import { EditedByHandPrompt } from './edited-by-hand-prompt.tsx';
import type { PlanLineMessage } from '../core/messages/design-system-messages.ts';
import { pinLocked } from './plan/pin-locked.ts';
import { PlanPanel, planChoices } from './plan/plan-panel.tsx';
import type { PluginChannel } from './plugin-channel.ts';
import { PrefixField } from './prefix-field.tsx';
import type { FlagSetting, TextSetting } from './use-settings.ts';
import { WriteSummaryLine } from './write-summary-line.tsx';

type WriteState =
  | { kind: 'ready' }
  | { kind: 'writing'; last: WriteSummary | null }
  | { kind: 'written'; summary: WriteSummary; keptEdited: boolean; palette: readonly PaletteColor[] }
  | { kind: 'failed'; error: PluginError };

export interface StyleWriterProps {
  channel: PluginChannel;
  /** The palette on screen now: tier 1, or the latest tier's consensus. */
  palette: readonly PaletteColor[];
  source: Source;
  prefix: TextSetting;
  /** Also write the palette as COLOR variables (the designer's setting, kept for next time). */
  variables: FlagSetting;
  /** A settings load or save problem, in a sentence. */
  settingsProblem: string | null;
  /** Told after every successful write, e.g. to read the file's flagged colours again. */
  onWritten?: (summary: WriteSummary) => void;
  /** Opens the Review panel. */
  onReview?: () => void;
}

/**
 * The style folder, "Also write variables", "Create styles" (it writes the palette on screen at
 * the moment of the click, conflicts with their candidates so the plugin flags them), the write's
 * summary with what needs review, and the keep/overwrite choice for hand-edited styles.
 */
export function StyleWriter({ channel, palette, source, prefix, variables, settingsProblem, onWritten, onReview }: StyleWriterProps) {
  const [state, setState] = useState<WriteState>({ kind: 'ready' });
  // The plan, shown when the file has tokens to reuse: the designer confirms or changes it before the write.
  const [plan, setPlan] = useState<{ lines: readonly PlanLineMessage[]; choices: ReadonlyMap<string, string | null> } | null>(null);
  // Locked slots and the value each had when locked: pinned in everything written, whatever later tiers vote.
  const [locks, setLocks] = useState<ReadonlyMap<string, string>>(new Map());
  const locked: ReadonlySet<string> = new Set(locks.keys());
  const pinned = pinLocked(palette, locks);
  const busy = state.kind === 'writing';
  const failed = (error: unknown) => setState({ kind: 'failed', error: ChorusError.from(error).toPluginError() });

  /** Create styles: plan first; with nothing to reuse, write at once (the summary says what changed). */
  const create = (lock: ReadonlySet<string> = locked, showPlan = false): void => {
    if (prefix.valid === null || busy) return;
    const folder = prefix.valid;
    setState({ kind: 'writing', last: state.kind === 'written' ? state.summary : null });
    channel.request({ type: 'plan-write', palette: pinned, prefix: folder, locked: [...lock] }).then((reply) => {
      if (showPlan || reply.lines.some((line) => line.action === 'reuse' || line.alternatives.length > 0)) {
        setPlan({ lines: reply.lines, choices: new Map() });
        setState({ kind: 'ready' });
      } else write(false, true);
    }, failed);
  };

  const writePlan = (): void => {
    if (!plan || prefix.valid === null) return;
    prefix.save();
    const written = palette;
    const values = pinned;
    setState({ kind: 'writing', last: null });
    channel
      .request({ type: 'write-plan', palette: values, source, options: { prefix: prefix.valid, overwriteEdited: false, variables: variables.value }, choices: planChoices(plan.lines, plan.choices) })
      .then((reply) => {
        setPlan(null);
        setState({ kind: 'written', summary: reply.summary, keptEdited: false, palette: written });
        onWritten?.(reply.summary);
      }, failed);
  };

  const write = (overwriteEdited: boolean, planned = false): void => {
    if (prefix.valid === null || (busy && !planned)) return;
    prefix.save();
    setState({ kind: 'writing', last: state.kind === 'written' ? state.summary : null });
    const written = palette;
    channel
      .request({
        type: 'write-styles',
        palette: pinned,
        source,
        options: { prefix: prefix.valid, overwriteEdited, variables: variables.value },
      })
      .then(
        (reply) => {
          setState({ kind: 'written', summary: reply.summary, keptEdited: false, palette: written });
          onWritten?.(reply.summary);
        },
        (error: unknown) => setState({ kind: 'failed', error: ChorusError.from(error).toPluginError() }),
      );
  };

  const shown = state.kind === 'written' ? state.summary : state.kind === 'writing' ? state.last : null;
  return (
    <section class="panel panel--writer" aria-label="Create styles">
      <div class="writer-row">
        <PrefixField
          prefix={prefix}
          disabled={busy}
          aside={
            <label class="checkbox checkbox--inline" title="COLOR variables in a Chorus collection, scoped by role; the styles are bound to them">
              <input type="checkbox" checked={variables.value} disabled={busy} onChange={(event) => variables.set(event.currentTarget.checked)} />
              <span>Also write variables</span>
            </label>
          }
        />
        <button type="button" class="button button--primary" disabled={busy || prefix.valid === null || plan !== null} onClick={() => create()}>
          {busy ? 'Writing…' : 'Create styles'}
        </button>
      </div>
      {prefix.valid === null && (
        <p class="problem" id="style-prefix-problem">
          Use a folder name like Chorus or Brand/Colours: up to 64 characters, folders separated by single slashes.
        </p>
      )}
      {settingsProblem && <p class="problem">{settingsProblem}</p>}
      {plan && (
        <PlanPanel
          lines={plan.lines}
          choices={plan.choices}
          locked={locked}
          busy={busy}
          onChoose={(slot, tokenId) => setPlan({ ...plan, choices: new Map(plan.choices).set(slot, tokenId) })}
          onLock={(slot, on) => {
            const next = new Map(locks);
            const line = plan.lines.find((l) => l.key === slot);
            if (on && line) next.set(slot, line.hex);
            else next.delete(slot);
            setLocks(next);
            setPlan(null);
            create(new Set(next.keys()), true);
          }}
          onWrite={writePlan}
          onCancel={() => setPlan(null)}
        />
      )}
      {state.kind === 'failed' && (
        <p class="problem" role="alert" data-testid="write-error">
          {state.error.message} <span class="error-code">{state.error.code}</span>
        </p>
      )}
      {shown && <WriteSummaryLine summary={shown} keptEdited={state.kind === 'written' && state.keptEdited} onReview={onReview} />}
      {state.kind === 'written' && state.palette !== palette && (
        <p class="summary" data-testid="refined-since">
          The palette was refined since; Create styles again to update the styles.
        </p>
      )}
      {state.kind === 'written' && !state.keptEdited && state.summary.editedByHand.length > 0 && (
        <EditedByHandPrompt
          edited={state.summary.editedByHand}
          onKeep={() => setState({ ...state, keptEdited: true })}
          onOverwrite={() => write(true)}
        />
      )}
    </section>
  );
}
