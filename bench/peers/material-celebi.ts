import { QuantizerCelebi, Score } from '@material/material-color-utilities';
import type { RgbaImage } from '../../core/cv/rgba-image.ts';
import type { Peer } from '../peer.ts';
import { PALETTE_SIZE } from '../palette-size.ts';
import { toHex } from '../to-hex.ts';

/** Celebi takes 0.1–0.5 s an image here, ~10× the fastest peer: 3 timed runs keep the bench near a minute without changing its rank. */
const MATERIAL_MAX_RUNS = 3;

/** The cluster count Material's own `sourceColorFromImageBytes` quantises to before scoring. */
const MATERIAL_SOURCE_CLUSTERS = 128;

/** Opaque pixels as ARGB ints, as Material's `sourceColorFromImageBytes` feeds its quantiser. */
function opaqueArgb(image: RgbaImage): number[] {
  const { data } = image;
  const argb: number[] = [];
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3] === 255) argb.push(((255 << 24) | (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!) >>> 0);
  }
  return argb;
}

function argbToHex(argb: number): string {
  return toHex((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff);
}

/** Clusters by pixel count, largest first, cut to the palette size. */
function largestClusters(counts: Map<number, number>): string[] {
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, PALETTE_SIZE).map(([argb]) => argbToHex(argb));
}

/**
 * Material Color Utilities' Celebi quantiser (Wu, then weighted k-means) over every opaque
 * pixel into 8 clusters, sorted by pixel count. Its k-means starts from Math.random, so runs
 * can differ slightly.
 */
export const materialCelebiPeer: Peer = {
  id: 'material-celebi',
  maxRuns: MATERIAL_MAX_RUNS,
  note: 'QuantizerCelebi.quantize(all opaque pixels, 8), sorted by count; unseeded Math.random inside',
  extract: (image: RgbaImage) => largestClusters(QuantizerCelebi.quantize(opaqueArgb(image), PALETTE_SIZE)),
};

/**
 * Celebi into 128 clusters, as Material itself runs it, keeping the 8 largest. Finer clusters
 * keep small UI colours (text, primary) from being averaged into neighbours, at the same cost;
 * this is the setting that reproduces the fixtures README's peer figures.
 */
export const materialCelebi128Peer: Peer = {
  id: 'material-celebi-128',
  maxRuns: MATERIAL_MAX_RUNS,
  note: 'QuantizerCelebi.quantize(all opaque pixels, 128) — Material\'s own cluster count — then the 8 largest by count',
  extract: (image: RgbaImage) => largestClusters(QuantizerCelebi.quantize(opaqueArgb(image), MATERIAL_SOURCE_CLUSTERS)),
};

/**
 * Material's own image pipeline (`sourceColorFromImageBytes`): Celebi into 128, ranked by
 * `Score.score` (theme suitability: chroma and share), unfiltered so greys stay in, up to 8.
 */
export const materialScorePeer: Peer = {
  id: 'material-celebi-128+score',
  maxRuns: MATERIAL_MAX_RUNS,
  note: 'QuantizerCelebi.quantize(…, 128) then Score.score({desired: 8, filter: false}): Material\'s theme-source ranking',
  extract: (image: RgbaImage) =>
    Score.score(QuantizerCelebi.quantize(opaqueArgb(image), MATERIAL_SOURCE_CLUSTERS), { desired: PALETTE_SIZE, filter: false }).map(argbToHex),
};
