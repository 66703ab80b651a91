import type { ObservedPair } from '../../core/contrast/screen-pairs.ts';
import type { DocumentRead } from '../../core/document/layer-paint.ts';
import { mergeWithDocument } from '../../core/document/merge-with-document.ts';
import { voteDocument } from '../../core/document/vote-document.ts';
import { tokenToPaletteColor } from '../backend/tokens-to-palette.ts';
import type { PaletteRun } from '../extract-palette.ts';
import type { PluginChannel } from '../plugin-channel.ts';

/** What the layers added to a run, for the panel to say. */
export interface LayersInfo {
  /** Solid paints read. */
  readonly paints: number;
  readonly visited: number;
  readonly imageFills: number;
  readonly cut: DocumentRead['cut'];
  /** Text over its backdrop in the layers: the contrast pairs. */
  readonly pairs: readonly ObservedPair[];
  /** Why the layers and the pixels differ (translucent paints). */
  readonly notes: readonly string[];
  readonly ms: number;
  /** The read itself, for the per-frame votes of modes. */
  readonly read: DocumentRead;
}

/**
 * Tier 1 with the document as a second voter: reads the selection's layers (through the plugin)
 * and, when they hold solid paints, votes them with the pixels' palette (mergeWithDocument); the
 * document's extraction joins the run's extractions, so the backend counts it too. Selections of
 * only images (screenshots) leave the run as it was. A failed read is the layers' loss, never
 * the palette's: the run stays as the pixels gave it, and the reason is returned for the panel.
 */
export async function withDocumentVotes(channel: PluginChannel, run: PaletteRun): Promise<{ run: PaletteRun; layers: LayersInfo | null; problem?: string }> {
  let read: DocumentRead;
  try {
    read = (await channel.request({ type: 'read-document' })).read;
  } catch (error) {
    return { run, layers: null, problem: error instanceof Error ? error.message : String(error) };
  }
  if (read.paints.length === 0) return { run, layers: null };
  const vote = voteDocument(read);
  const palette = mergeWithDocument(run.palette, vote.extraction).map((c) =>
    tokenToPaletteColor({ ...c, evidence: [...c.evidence], candidates: c.candidates.map((k) => ({ ...k, votes: [...k.votes] })) }),
  );
  return {
    run: { ...run, palette, extractions: [...run.extractions, vote.extraction] },
    layers: { paints: read.paints.length, visited: read.visited, imageFills: read.imageFills, cut: read.cut, pairs: vote.pairs, notes: vote.notes, ms: read.ms, read },
  };
}
