import { useRef, useState } from 'preact/hooks';
import type { PluginError } from '../core/messages/plugin-messages.ts';
import { ChorusError } from './chorus-error.ts';
import { ErrorPanel } from './error-panel.tsx';
import { extractPalette, type PaletteRun } from './extract-palette.ts';
import { IdlePanel } from './idle-panel.tsx';
import type { PluginChannel } from './plugin-channel.ts';
import { SelectionBar } from './selection-bar.tsx';
import { StyleWriter } from './style-writer.tsx';
import { SwatchList } from './swatch-list.tsx';
import { TimingsFooter } from './timings-footer.tsx';
import { usePrefixSetting } from './use-prefix-setting.ts';
import { useSelection } from './use-selection.ts';
import { WorkingPanel } from './working-panel.tsx';

type Phase =
  | { kind: 'idle' }
  | { kind: 'working'; step: string }
  | { kind: 'done'; run: PaletteRun; runId: number }
  | { kind: 'error'; error: PluginError };

const STEP_TEXT = {
  exporting: 'Exporting the selection from Figma…',
  decoding: 'Reading pixels…',
  extracting: 'Finding colours…',
} as const;

/** Chorus's panel: selection → Extract → palette → Create styles. */
export function App({ channel }: { channel: PluginChannel }) {
  const nodes = useSelection(channel);
  const prefix = usePrefixSetting(channel);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const runs = useRef(0);

  const extract = async (): Promise<void> => {
    const runId = ++runs.current;
    setPhase({ kind: 'working', step: STEP_TEXT.exporting });
    try {
      const reply = await channel.request({ type: 'export-selection' });
      const run = await extractPalette(reply.images, { onStep: (step) => setPhase({ kind: 'working', step: STEP_TEXT[step] }) });
      setPhase({ kind: 'done', run, runId });
    } catch (error) {
      const chorusError = ChorusError.from(error);
      if (chorusError.code === 'INTERNAL') console.error(chorusError);
      setPhase({ kind: 'error', error: chorusError.toPluginError() });
    }
  };

  const canExtract = nodes?.some((node) => node.exportable) ?? false;
  return (
    <div class="app">
      <SelectionBar nodes={nodes} busy={phase.kind === 'working'} onExtract={() => void extract()} />
      <main class="content">
        {phase.kind === 'idle' && <IdlePanel />}
        {phase.kind === 'working' && <WorkingPanel step={phase.step} />}
        {phase.kind === 'error' && (
          <ErrorPanel error={phase.error} onRetry={() => (canExtract ? void extract() : setPhase({ kind: 'idle' }))} />
        )}
        {phase.kind === 'done' && <SwatchList palette={phase.run.palette} />}
      </main>
      {phase.kind === 'done' && <StyleWriter key={phase.runId} channel={channel} run={phase.run} prefix={prefix} />}
      {phase.kind === 'done' && <TimingsFooter run={phase.run} />}
    </div>
  );
}
