import { useState } from 'preact/hooks';
import type { DocumentRead } from '../../core/document/layer-paint.ts';
import type { ModesResult, ModeVersion } from '../../core/messages/modes-messages.ts';
import type { ExportedImage } from '../../core/messages/plugin-messages.ts';
import { toDtcgModes } from '../../core/tokens/to-dtcg-modes.ts';
import { ChorusError } from '../chorus-error.ts';
import { downloadText } from '../export/download-text.ts';
import type { PluginChannel } from '../plugin-channel.ts';
import { versionPalettes } from './version-palettes.ts';

export interface ModesPanelProps {
  readonly channel: PluginChannel;
  readonly images: readonly ExportedImage[];
  readonly read: DocumentRead | null;
  readonly prefix: string;
}

type State =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'paired'; versions: ModeVersion[]; result?: ModesResult }
  | { kind: 'failed'; text: string };

/** What the write did, in a sentence: the limit named when the plan had no room for every version. */
function resultText(result: ModesResult): string {
  const wrote = `Wrote ${result.written.join(', ')} into “${result.collection}”.`;
  const limit =
    result.skipped.length > 0
      ? ` This file's plan allows ${result.limit ?? result.written.length} mode${result.limit === 1 ? '' : 's'} per collection: ${result.skipped.join(', ')} did not fit and ${result.skipped.length === 1 ? 'was' : 'were'} not written.`
      : '';
  const unpaired = result.unpaired.length > 0 ? ` Not in every version, so left out: ${result.unpaired.join(', ')}.` : '';
  return `${wrote}${limit}${unpaired}`;
}

/**
 * Two or more frames selected: the versions of one screen (light, dark, high contrast) as modes of
 * one collection. Pairs their roles, lets the designer rename each mode, writes them (one undo
 * step; at the plan's mode limit, what fits, and says so), and exports one DTCG file per mode.
 */
export function ModesPanel({ channel, images, read, prefix }: ModesPanelProps) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  if (images.length < 2) return null;
  const fail = (error: unknown) => setState({ kind: 'failed', text: ChorusError.from(error).message });

  const pair = (): void => {
    setState({ kind: 'working' });
    versionPalettes(images, read).then((versions) => setState({ kind: 'paired', versions }), fail);
  };
  const write = (versions: ModeVersion[]): void => {
    setState({ kind: 'working' });
    channel.request({ type: 'write-modes', prefix, versions }).then((reply) => setState({ kind: 'paired', versions, result: reply.result }), fail);
  };
  const exportFiles = (versions: readonly ModeVersion[]): void => {
    for (const file of toDtcgModes(versions.map((v) => ({ mode: v.name, colors: v.colors })))) {
      downloadText(`${JSON.stringify(file.document, null, 2)}\n`, file.fileName, 'application/design-tokens+json');
    }
  };

  return (
    <section class="panel panel--modes" aria-labelledby="modes-title" data-testid="modes-panel">
      <h2 class="panel-title" id="modes-title">
        Modes <span class="panel-count">{images.length} frames</span>
      </h2>
      {state.kind === 'idle' && (
        <div class="writer-row">
          <span>Write the frames as modes of one collection (light, dark, …).</span>
          <button type="button" class="button" onClick={pair} data-testid="modes-pair">
            Pair versions
          </button>
        </div>
      )}
      {state.kind === 'working' && <p class="summary">Working…</p>}
      {state.kind === 'failed' && (
        <p class="problem" role="alert">
          {state.text}
        </p>
      )}
      {state.kind === 'paired' && (
        <>
          <ul class="plan-list">
            {state.versions.map((v, i) => (
              <li class="plan-row" key={i} data-testid="mode-row">
                <input
                  class="input"
                  aria-label={`Name of mode ${i + 1}`}
                  value={v.name}
                  maxLength={40}
                  onInput={(event) => {
                    const name = event.currentTarget.value;
                    const versions = state.versions.map((x, j) => (j === i ? { ...x, name } : x));
                    setState({ kind: 'paired', versions });
                  }}
                />
                <span class="plan-action">{v.colors.length} roles</span>
                {v.colors.map((c) => (
                  <span class="plan-swatch" key={c.role} title={`${c.role} ${c.hex}`} style={{ background: c.hex }} />
                ))}
              </li>
            ))}
          </ul>
          <div class="writer-row">
            <button type="button" class="button" onClick={() => exportFiles(state.versions)}>
              Export modes (DTCG)
            </button>
            <button
              type="button"
              class="button button--primary"
              disabled={state.versions.some((v) => v.name.trim() === '')}
              onClick={() => write(state.versions.map((v) => ({ ...v, name: v.name.trim() })))}
              data-testid="modes-write"
            >
              Write modes
            </button>
          </div>
          {state.result && (
            <p class="summary" role="status" data-testid="modes-result">
              {resultText(state.result)}
            </p>
          )}
        </>
      )}
    </section>
  );
}
