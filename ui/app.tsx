import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ExportedImage, PluginError, WriteSummary } from '../core/messages/plugin-messages.ts';
import type { BackendRunState } from './backend/backend-run.ts';
import { tokensToSwatches, type Swatch } from './backend/tokens-to-palette.ts';
import { useBackendRun } from './backend/use-backend-run.ts';
import { ChorusError } from './chorus-error.ts';
import { ErrorPanel } from './error-panel.tsx';
import { extractPalette, type PaletteRun } from './extract-palette.ts';
import { IdlePanel } from './idle-panel.tsx';
import type { PluginChannel } from './plugin-channel.ts';
import { RefiningPanel } from './refining-panel.tsx';
import { loadLearnedWeights } from './review/load-learned-weights.ts';
import { postDecisions } from './review/post-decisions.ts';
import { ReviewPanel } from './review/review-panel.tsx';
import { useReviews } from './review/use-reviews.ts';
import { SelectionBar } from './selection-bar.tsx';
import { SettingsPanel } from './settings-panel.tsx';
import { StyleWriter } from './style-writer.tsx';
import { SwatchList } from './swatch-list.tsx';
import { TimingsFooter } from './timings-footer.tsx';
import { useSelection } from './use-selection.ts';
import { useSettings } from './use-settings.ts';
import { ViewTabs, type View } from './view-tabs.tsx';
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

/** One frame at 60 Hz: time enough for the browser to paint what was just rendered. */
const ONE_FRAME_MS = 17;

/**
 * Chorus's panel, in two views. Palette: selection → Extract → the tier-1 palette at once → the
 * backend's tiers as they land → Create styles with whatever palette is on screen, conflicts
 * flagged. Review: the file's flagged colours, settled one click each, and what the decisions
 * taught Chorus (which, if the designer likes, weighs the backend's next vote).
 */
export function App({ channel }: { channel: PluginChannel }) {
  const nodes = useSelection(channel);
  const settings = useSettings(channel);
  const backend = useBackendRun();
  const reviews = useReviews(channel, {
    // Evidence for the backend's dashboard; a failure there is a console warning, never the designer's problem.
    onDecisions: (decisions) => void postDecisions(settings.current().serverUrl, decisions),
  });
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [view, setView] = useState<View>('palette');
  // The run whose write flagged conflicts: its conflicted swatches offer the Review panel.
  const [flaggedRun, setFlaggedRun] = useState<number | null>(null);
  const runs = useRef(0);

  // The Review tab's count: the file may hold flagged colours from an earlier session.
  useEffect(() => reviews.refresh(), [channel]);

  const extract = async (): Promise<void> => {
    const runId = ++runs.current;
    // The previous palette's refinement is of no use any more: stop paying for it.
    backend.cancel();
    setPhase({ kind: 'working', step: STEP_TEXT.exporting });
    let images: readonly ExportedImage[];
    let run: PaletteRun;
    try {
      images = (await channel.request({ type: 'export-selection' })).images;
      run = await extractPalette(images, { onStep: (step) => setPhase({ kind: 'working', step: STEP_TEXT[step] }) });
    } catch (error) {
      const chorusError = ChorusError.from(error);
      if (chorusError.code === 'INTERNAL') console.error(chorusError);
      setPhase({ kind: 'error', error: chorusError.toPluginError() });
      return;
    }
    setPhase({ kind: 'done', run, runId });
    // Tier 1 is on screen; the backend's tiers follow. Wait a frame first, so encoding the request
    // cannot hold up the paint; and the settings, which load at start, long before this.
    await new Promise((resolve) => setTimeout(resolve, ONE_FRAME_MS));
    await settings.loaded;
    const { serverUrl, useLearnedWeights } = settings.current();
    const weights = useLearnedWeights && serverUrl !== '' ? await loadLearnedWeights(channel) : {};
    if (runs.current !== runId) return;
    backend.start({ serverUrl, images: images.map((image) => image.png), extractions: run.extractions, weights });
  };

  const written = (runId: number, summary: WriteSummary): void => {
    setFlaggedRun(summary.flagged.length > 0 ? runId : null);
    reviews.refresh();
  };
  const openReview = (): void => setView('review');

  const run = phase.kind === 'done' ? phase.run : null;
  const shown = useShownPalette(run, backend.state);
  const palette = useMemo(() => shown.swatches.map((swatch) => swatch.color), [shown.swatches]);
  const canExtract = nodes?.some((node) => node.exportable) ?? false;
  return (
    <div class="app">
      <SelectionBar
        nodes={nodes}
        busy={phase.kind === 'working'}
        onExtract={() => {
          setView('palette');
          void extract();
        }}
        settingsOpen={settingsOpen}
        onToggleSettings={() => setSettingsOpen(!settingsOpen)}
      />
      {settingsOpen && <SettingsPanel settings={settings} />}
      <ViewTabs view={view} onView={setView} reviewCount={reviews.status === 'ready' ? reviews.reviews.length : null} />
      {/* Hidden, not unmounted, while Review is open: the palette and the write's summary stay as they were. */}
      <div class="view" id="view-palette" role="tabpanel" aria-labelledby="tab-palette" hidden={view !== 'palette'}>
        <main class="content">
          {phase.kind === 'idle' && <IdlePanel />}
          {phase.kind === 'working' && <WorkingPanel step={phase.step} />}
          {phase.kind === 'error' && (
            <ErrorPanel error={phase.error} onRetry={() => (canExtract ? void extract() : setPhase({ kind: 'idle' }))} />
          )}
          {phase.kind === 'done' && (
            <SwatchList swatches={shown.swatches} source={shown.source} onReview={flaggedRun === phase.runId ? openReview : undefined} />
          )}
        </main>
        {phase.kind === 'done' && (
          <RefiningPanel
            state={backend.state}
            onRetry={() => backend.retry(settings.current().serverUrl)}
            onOpenSettings={() => setSettingsOpen(true)}
          />
        )}
        {phase.kind === 'done' && (
          <StyleWriter
            key={phase.runId}
            channel={channel}
            palette={palette}
            source={phase.run.source}
            prefix={settings.prefix}
            variables={settings.variables}
            settingsProblem={settings.problem}
            onWritten={(summary) => written(phase.runId, summary)}
            onReview={openReview}
          />
        )}
        {phase.kind === 'done' && <TimingsFooter run={phase.run} />}
      </div>
      {view === 'review' && (
        <main class="content" id="view-review" role="tabpanel" aria-labelledby="tab-review">
          <ReviewPanel reviews={reviews} useLearnedWeights={settings.useLearnedWeights} hasServer={settings.current().serverUrl !== ''} />
        </main>
      )}
    </div>
  );
}

/**
 * The palette on screen: the latest consensus the backend sent, or the plugin's own tier 1 until
 * one arrives (and whenever the backend is off or failed before sending one). Memoised on the
 * palette's content, so a tier that changes nothing (or `complete` repeating the last tier) keeps
 * its identity, and Create styles does not call written styles out of date.
 */
function useShownPalette(run: PaletteRun | null, state: BackendRunState): { swatches: readonly Swatch[]; source: string } {
  const progress = state.phase === 'off' || state.phase === 'connecting' ? null : state.progress;
  const tokens = progress && Object.keys(progress.tokens).length > 0 ? progress.tokens : null;
  const tier = progress?.tiers.at(-1)?.tier;
  // A consensus is at most 64 small tokens: its JSON is a cheap, exact content key.
  const tokensKey = tokens ? JSON.stringify(tokens) : '';
  const swatches = useMemo(
    () => (tokens ? tokensToSwatches(tokens) : (run?.palette ?? []).map((color) => ({ key: color.hex, color }))),
    [run, tokensKey],
  );
  return { swatches, source: !tokens ? 'Tier 1 · plugin' : tier === undefined ? 'Backend' : `Tier ${tier}` };
}
