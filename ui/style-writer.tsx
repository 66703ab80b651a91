import { useState } from 'preact/hooks';
import type { PluginError, WriteSummary } from '../core/messages/plugin-messages.ts';
import { ChorusError } from './chorus-error.ts';
import { EditedByHandPrompt } from './edited-by-hand-prompt.tsx';
import type { PaletteRun } from './extract-palette.ts';
import type { PluginChannel } from './plugin-channel.ts';
import { PrefixField } from './prefix-field.tsx';
import type { PrefixSetting } from './use-prefix-setting.ts';
import { WriteSummaryLine } from './write-summary-line.tsx';

type WriteState =
  | { kind: 'ready' }
  | { kind: 'writing'; last: WriteSummary | null }
  | { kind: 'written'; summary: WriteSummary; keptEdited: boolean }
  | { kind: 'failed'; error: PluginError };

export interface StyleWriterProps {
  channel: PluginChannel;
  run: PaletteRun;
  prefix: PrefixSetting;
}

/** The style folder, "Create styles", the write's summary, and the keep/overwrite choice for hand-edited styles. */
export function StyleWriter({ channel, run, prefix }: StyleWriterProps) {
  const [state, setState] = useState<WriteState>({ kind: 'ready' });
  const busy = state.kind === 'writing';

  const write = (overwriteEdited: boolean): void => {
    if (prefix.valid === null || busy) return;
    prefix.save();
    setState({ kind: 'writing', last: state.kind === 'written' ? state.summary : null });
    channel
      .request({
        type: 'write-styles',
        palette: [...run.palette],
        source: run.source,
        options: { prefix: prefix.valid, overwriteEdited },
      })
      .then(
        (reply) => setState({ kind: 'written', summary: reply.summary, keptEdited: false }),
        (error: unknown) => setState({ kind: 'failed', error: ChorusError.from(error).toPluginError() }),
      );
  };

  const shown = state.kind === 'written' ? state.summary : state.kind === 'writing' ? state.last : null;
  return (
    <section class="panel panel--writer" aria-label="Create styles">
      <div class="writer-row">
        <PrefixField prefix={prefix} disabled={busy} />
        <button type="button" class="button button--primary" disabled={busy || prefix.valid === null} onClick={() => write(false)}>
          {busy ? 'Writing…' : 'Create styles'}
        </button>
      </div>
      {prefix.valid === null && (
        <p class="problem" id="style-prefix-problem">
          Use a folder name like Chorus or Brand/Colours: up to 64 characters, folders separated by single slashes.
        </p>
      )}
      {prefix.problem && <p class="problem">{prefix.problem}</p>}
      {state.kind === 'failed' && (
        <p class="problem" role="alert" data-testid="write-error">
          {state.error.message} <span class="error-code">{state.error.code}</span>
        </p>
      )}
      {shown && <WriteSummaryLine summary={shown} keptEdited={state.kind === 'written' && state.keptEdited} />}
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
