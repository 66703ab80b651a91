import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Decision, ExportedImage, PluginError, WriteSummary } from '../core/messages/plugin-messages.ts';
import type { BackendRunState } from './backend/backend-run.ts';
import { tokenAccess } from './backend/token-access.ts';
import { tokensToSwatches, type Swatch } from './backend/tokens-to-palette.ts';
import { useBackendRun } from './backend/use-backend-run.ts';
import { ChorusError } from './chorus-error.ts';
import { applyContrastFixes, type ContrastFixes } from './contrast/apply-contrast-fixes.ts';
import { ContrastPanel } from './contrast/contrast-panel.tsx';
import { paletteContrast } from './contrast/palette-contrast.ts';
import { LayersLine } from './document/layers-line.tsx';
import { withDocumentVotes, type LayersInfo } from './document/with-document-votes.ts';
import { ErrorPanel } from './error-panel.tsx';
import { ModesPanel } from './modes/modes-panel.tsx';
import { TokenizePanel } from './tokenize/tokenize-panel.tsx';
import { TokenExport } from './export/token-export.tsx';
import { extractPalette, type PaletteRun } from './extract-palette.ts';
import type { Host } from './host/host.ts';
import { IdlePanel } from './idle-panel.tsx';
import { ImageDrop } from './image-drop.tsx';
import { RefiningPanel } from './refining-panel.tsx';
import { loadLearnedWeights } from './review/load-learned-weights.ts';
import { applyChoices, decisionOf, type PaletteChoices } from './review/palette-choices.ts';
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
  | { kind: 'done'; run: PaletteRun; runId: number; images: readonly ExportedImage[]; layers: LayersInfo | null; layersProblem?: string | undefined }
  | { kind: 'error'; error: PluginError };

const STEP_TEXT = {
  exporting: 'Exporting the selection from Figma…',
  reading: 'Reading the image…',
  decoding: 'Reading pixels…',
  extracting: 'Finding colours…',
} as const;

/** One frame at 60 Hz: time enough for the browser to paint what was just rendered. */
const ONE_FRAME_MS = 17;

/**
 * Chorus's panel, in two views. Palette: selection → Extract → the tier-1 palette at once → the
 * backend's tiers as they land → Create styles with whatever palette is on screen, conflicts
 * flagged; Export tokens from that palette or from the styles in the file. Review: the file's
 * flagged colours, settled one click each, and what the decisions taught Chorus (which, if the
 * designer likes, weighs the backend's next vote).
 *
 * The same component runs in the browser playground: `host.can` hides what needs a Figma file
 * (Create styles, Review, Styles in this file, Settings), an image the designer drops, pastes or
 * picks replaces the selection (and starts the run), and conflicts are settled in the palette.
 */
export function App({ host }: { host: Host }) {
  const { channel, can } = host;
  const nodes = useSelection(channel);
  const settings = useSettings(channel);
  // The playground's page brings its own access; in Figma the token is the designer's setting, read
  // at every render so a token typed in Settings applies to the next run.
  const access = host.backend ?? tokenAccess(settings.current().accessToken);
  const backend = useBackendRun({
    ...(access.openSocket ? { openSocket: access.openSocket } : {}),
    ...(access.fetch ? { fetch: access.fetch } : {}),
    reachableDomains: host.reachableDomains,
  });
  // Evidence for the backend's dashboard; a failure there is a console warning, never the designer's problem.
  const report = (decisions: readonly Decision[]): void => {
    const now = host.backend ?? tokenAccess(settings.current().accessToken);
    void postDecisions(settings.current().serverUrl, decisions, now.fetch ? { fetch: now.fetch } : {});
  };
  const reviews = useReviews(channel, { onDecisions: report });
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [view, setView] = useState<View>('palette');
  // The run whose write flagged conflicts: its conflicted swatches offer the Review panel.
  const [flaggedRun, setFlaggedRun] = useState<number | null>(null);
  // The playground's picks among a conflict's candidates, for the run on screen.
  const [choices, setChoices] = useState<PaletteChoices>(new Map());
  // Failing text colours the designer replaced with the nearest passing one, for the run on screen.
  const [fixes, setFixes] = useState<ContrastFixes>(new Map());
  const runs = useRef(0);

  // The Review tab's count: the file may hold flagged colours from an earlier session.
  useEffect(() => {
    if (can.fileReview) reviews.refresh();
  }, [channel]);

  const extract = async (): Promise<void> => {
    const runId = ++runs.current;
    // The previous palette's refinement is of no use any more: stop paying for it.
    backend.cancel();
    setChoices(new Map());
    setFixes(new Map());
    setPhase({ kind: 'working', step: host.images ? STEP_TEXT.decoding : STEP_TEXT.exporting });
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
    // The layers are the second voter: what the designer authored, beside what the pixels show.
    const documented = await withDocumentVotes(channel, run);
    run = documented.run;
    setPhase({ kind: 'done', run, runId, images, layers: documented.layers, layersProblem: documented.problem });
    // Tier 1 is on screen; the backend's tiers follow. Wait a frame first, so encoding the request
    // cannot hold up the paint; and the settings, which load at start, long before this.
    await new Promise((resolve) => setTimeout(resolve, ONE_FRAME_MS));
    await settings.loaded;
    const { serverUrl, useLearnedWeights } = settings.current();
    const weights = useLearnedWeights && serverUrl !== '' ? await loadLearnedWeights(channel) : {};
    if (runs.current !== runId) return;
    backend.start({ serverUrl, images: images.map((image) => image.png), extractions: run.extractions, weights });
  };

  /** The playground: the image becomes the selection, and the run starts at once (dropping it was the click). */
  const takeImage = (file: File, name: string): void => {
    const input = host.images;
    if (!input) return;
    // The run on screen is over: one still waiting to start its backend run must not.
    runs.current++;
    backend.cancel();
    setView('palette');
    setPhase({ kind: 'working', step: STEP_TEXT.reading });
    input.put(file, name).then(
      () => void extract(),
      (error: unknown) => setPhase({ kind: 'error', error: ChorusError.from(error).toPluginError() }),
    );
  };

  const written = (runId: number, summary: WriteSummary): void => {
    setFlaggedRun(summary.flagged.length > 0 ? runId : null);
    reviews.refresh();
  };
  const openReview = (): void => setView('review');

  const pick = (swatch: Swatch, hex: string): void => {
    setChoices((now) => new Map(now).set(swatch.key, hex));
    report([decisionOf(swatch, hex)]);
  };

  const run = phase.kind === 'done' ? phase.run : null;
  const shown = useShownPalette(run, backend.state, host.images ? 'Tier 1 · browser' : 'Tier 1 · plugin');
  const swatches = useMemo(() => applyContrastFixes(applyChoices(shown.swatches, choices), fixes), [shown.swatches, choices, fixes]);
  const layers = phase.kind === 'done' ? phase.layers : null;
  const contrast = useMemo(() => paletteContrast(swatches, layers?.pairs ?? []), [swatches, layers]);
  const palette = useMemo(() => swatches.map((swatch) => swatch.color), [swatches]);
  const canExtract = nodes?.some((node) => node.exportable) ?? false;
  const fileColors = can.fileTokens
    ? async () => (await channel.request({ type: 'export-file-tokens', prefix: settings.current().prefix })).colors
    : undefined;
  return (
    <div class="app">
      {host.images ? (
        <ImageDrop nodes={nodes} busy={phase.kind === 'working'} onImage={takeImage} />
      ) : (
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
      )}
      {settingsOpen && can.chooseServer && <SettingsPanel settings={settings} reachableDomains={host.reachableDomains} />}
      {can.fileReview && <ViewTabs view={view} onView={setView} reviewCount={reviews.status === 'ready' ? reviews.reviews.length : null} />}
      {/* Hidden, not unmounted, while Review is open: the palette and the write's summary stay as they were. */}
      <div class="view" id="view-palette" role={can.fileReview ? 'tabpanel' : undefined} aria-labelledby={can.fileReview ? 'tab-palette' : undefined} hidden={view !== 'palette'}>
        <main class="content">
          {phase.kind === 'idle' && !host.images && <IdlePanel />}
          {phase.kind === 'working' && <WorkingPanel step={phase.step} />}
          {phase.kind === 'error' && (
            <ErrorPanel error={phase.error} onRetry={() => (canExtract ? void extract() : setPhase({ kind: 'idle' }))} />
          )}
          {phase.kind === 'done' && (
            <SwatchList
              swatches={swatches}
              source={shown.source}
              onReview={flaggedRun === phase.runId ? openReview : undefined}
              onPick={can.reviewInPalette ? pick : undefined}
            />
          )}
          {/* In the scrolling content, under the palette they describe. */}
          {phase.kind === 'done' && <LayersLine layers={phase.layers} problem={phase.layersProblem} />}
          {phase.kind === 'done' && <ContrastPanel checks={contrast} onFix={(key, hex) => setFixes((now) => new Map(now).set(key, hex))} />}
        </main>
        {phase.kind === 'done' && (
          <RefiningPanel
            state={backend.state}
            onRetry={() => backend.retry(settings.current().serverUrl)}
            onOpenSettings={can.chooseServer ? () => setSettingsOpen(true) : undefined}
          />
        )}
        {phase.kind === 'done' && can.writeStyles && (
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
        {phase.kind === 'done' && can.writeStyles && (
          <ModesPanel key={phase.runId} channel={channel} images={phase.images} read={phase.layers?.read ?? null} prefix={settings.current().prefix} />
        )}
        {phase.kind === 'done' && can.writeStyles && phase.layers && <TokenizePanel key={phase.runId} channel={channel} prefix={settings.current().prefix} />}
        {(phase.kind === 'done' || can.fileTokens) && (
          <TokenExport palette={phase.kind === 'done' ? palette : null} fileColors={fileColors} folder={settings.current().prefix} />
        )}
        {phase.kind === 'done' && <TimingsFooter run={phase.run} />}
      </div>
      {view === 'review' && can.fileReview && (
        <main class="content" id="view-review" role="tabpanel" aria-labelledby="tab-review">
          <ReviewPanel reviews={reviews} useLearnedWeights={settings.useLearnedWeights} hasServer={settings.current().serverUrl !== ''} />
        </main>
      )}
    </div>
  );
}

/**
 * The palette on screen: the latest consensus the backend sent, or the UI's own tier 1 (labelled
 * `localSource`) until one arrives (and whenever the backend is off or failed before sending one).
 * Memoised on the palette's content, so a tier that changes nothing (or `complete` repeating the
 * last tier) keeps its identity, and Create styles does not call written styles out of date.
 */
function useShownPalette(run: PaletteRun | null, state: BackendRunState, localSource: string): { swatches: readonly Swatch[]; source: string } {
  const progress = state.phase === 'off' || state.phase === 'connecting' ? null : state.progress;
  const tokens = progress && Object.keys(progress.tokens).length > 0 ? progress.tokens : null;
  const tier = progress?.tiers.at(-1)?.tier;
  // A consensus is at most 64 small tokens: its JSON is a cheap, exact content key.
  const tokensKey = tokens ? JSON.stringify(tokens) : '';
  const swatches = useMemo(
    () => (tokens ? tokensToSwatches(tokens) : (run?.palette ?? []).map((color) => ({ key: color.hex, color }))),
    [run, tokensKey],
  );
  return { swatches, source: !tokens ? localSource : tier === undefined ? 'Backend' : `Tier ${tier}` };
}
