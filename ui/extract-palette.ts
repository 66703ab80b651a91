import { extractTier1Many, type Tier1Result } from '../core/cv/extract-tier1.ts';
import type { Extraction } from '../core/cv/extracted-color.ts';
import type { RgbaImage } from '../core/cv/rgba-image.ts';
import type { ExportedImage, Source } from '../core/messages/plugin-messages.ts';
import type { PaletteColor } from '../core/palette/palette-color.ts';
import { ChorusError } from './chorus-error.ts';
import { decodePng, type PngDecoder } from './decode-png.ts';

/** Longest frame name the contract's `source` accepts. */
const MAX_SOURCE_NAME = 256;

export interface PaletteRun {
  readonly palette: readonly PaletteColor[];
  /** Each tier-1 extractor's own answer over the frames: the votes the backend's tiers build on. */
  readonly extractions: readonly Extraction[];
  /** The frames the palette came from, recorded with the styles. */
  readonly source: Source;
  /** Wall-clock ms (performance.now) of decoding every image and of the tier-1 vote. */
  readonly decodeMs: number;
  readonly extractMs: number;
  readonly decoders: readonly PngDecoder[];
}

export interface ExtractPaletteOptions {
  /** Told when decoding ends and extraction begins, so the UI can say so. */
  onStep?: (step: 'decoding' | 'extracting') => void;
  /** The tier-1 run; tests swap it. */
  extract?: (images: readonly RgbaImage[]) => Tier1Result;
}

/**
 * Decodes the exported PNGs and runs tier-1 extraction over them as one palette.
 * Throws ChorusError: DECODE_FAILED (unreadable image), EMPTY_PALETTE (no colour found),
 * INTERNAL (the extractors themselves failed).
 */
export async function extractPalette(
  exported: readonly ExportedImage[],
  options: ExtractPaletteOptions = {},
): Promise<PaletteRun> {
  const extract = options.extract ?? extractTier1Many;
  options.onStep?.('decoding');
  const decodeStart = performance.now();
  const decoded = [];
  // One at a time: each decode holds a full canvas, and frames are already up to 2048 px a side.
  for (const image of exported) decoded.push(await decodePng(image.png, image.name));
  const decodeMs = performance.now() - decodeStart;

  options.onStep?.('extracting');
  // Let the browser paint the step before the synchronous extraction takes the thread.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const extractStart = performance.now();
  let result: Tier1Result;
  try {
    result = extract(decoded.map((d) => d.image));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ChorusError('INTERNAL', `Chorus could not extract colours (${detail}). Try again; if it keeps failing, report it with the frame.`, {
      cause: error,
    });
  }
  const extractMs = performance.now() - extractStart;

  if (result.colors.length === 0) {
    const names = exported.map((image) => `“${image.name}”`).join(', ');
    throw new ChorusError('EMPTY_PALETTE', `No colours found in ${names}. Select frames with visible fills; fully transparent frames have none.`);
  }
  return {
    palette: result.colors,
    extractions: result.extractions,
    source: { nodes: exported.map((image) => ({ id: image.nodeId, name: image.name.slice(0, MAX_SOURCE_NAME) })) },
    decodeMs,
    extractMs,
    decoders: decoded.map((d) => d.decoder),
  };
}
