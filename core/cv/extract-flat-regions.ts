import { ciede2000, rgbToLab, type Lab } from '../color/index.ts';
import type { ExtractedColor, Extraction } from './extracted-color.ts';
import { keyBlue, keyGreen, keyRed } from './private/pixel-words.ts';
import { keyToHex } from './private/key-to-hex.ts';
import { rowStepFor } from './private/row-step-for.ts';
import { scanFlatRuns } from './private/scan-flat-runs.ts';
import type { ColorCounter } from './private/color-counter.ts';
import type { RgbaImage } from './rgba-image.ts';
import { inferRoles } from '../roles/infer-roles.ts';
import { chroma } from '../color/index.ts';
import { measureStructure } from './measure-structure.ts';
import { isTintOf } from './private/is-tint-of.ts';

export const FLAT_REGIONS_ID = 'flat-regions';

/** Candidates kept for the peak analysis: the pairwise ΔE pass is quadratic in this. */
const MAX_CANDIDATES = 200;
/** A photo's colours are rarely flat; a UI fill, stem or rule nearly always is. */
const MIN_FLAT_RATIO = 0.5;
/** A colour found mostly between two different neighbours is the blend of an anti-aliased edge. */
const MAX_BETWEEN_RATIO = 0.5;
/**
 * Below this share a colour is a detail (an icon, an avatar, a corner of a photo), not a design
 * decision: 0.03 % is about a 20×20 px square on a 1440×900 frame.
 */
const MIN_SHARE = 0.0003;
/**
 * Shades closer than this (CIEDE2000) to a more frequent colour are treated as its shadow,
 * anti-aliasing or gradient steps. 2.3 is about one just-noticeable difference in CIELAB
 * (Sharma 2003); a design system rarely puts two tokens that close.
 */
const SHADE_DE = 2.3;
/** Plain CIELAB distance (ΔE76) beyond which two colours cannot be within SHADE_DE in CIEDE2000 (see keepPeaks). */
const SHADE_PREFILTER_76 = 8 * SHADE_DE;
/** Closer than this, two colours are the same token rendered twice (rounding, colour management). */
const SAME_DE = 0.8;
/**
 * A real fill outnumbers each of its own shades by far; the steps of a gradient or a shadow
 * ramp are about as frequent as their neighbours. A colour must outnumber its most frequent
 * lesser shade this many times to stand on its own.
 */
const PEAK_DOMINANCE = 3;
/**
 * CIELAB chroma above which a colour is vivid enough to be the ink of a tint: the chroma above
 * which role inference no longer takes a colour for text. A tinted text colour (Catppuccin's
 * lavender-grey, about 16) is not a wash's ink: themes build their greys as mixes of the
 * background and the text colour, and those greys are comments, line numbers and surfaces.
 */
const VIVID_CHROMA = 30;
/** A wash covers far less than the fill under it; a second fill of comparable size is a surface. */
const MAX_TINT_RATIO = 0.1;
/** A wash of a vivid ink is visibly tinted; a near-grey is left to the neutrals. */
const MIN_TINT_CHROMA = 5;
/** Flat pixels a colour needs to count as an ink: a few glyphs' worth. */
const INK_MIN_FLAT = 4;
/** Inks considered, most used first: bounds the tint search on photo-heavy frames. */
const MAX_INKS = 512;
/** Bases a tint may be laid on: the largest fills of the frame. */
const TINT_BASES = 6;

/** Palettes longer than this are no longer a palette a designer would keep. */
const MAX_COLORS = 24;

export interface FlatRegionsOptions {
  /** Pixels read at most (default: tier 1's budget); `Infinity` reads every row, as the server's full-resolution pass does. */
  readonly pixelBudget?: number;
  /** The id its extraction reports, when one process runs it under another name. */
  readonly id?: string;
  /** Name roles from the image's structure (default true). */
  readonly roles?: boolean;
}

interface Candidate {
  readonly key: number;
  readonly lab: Lab;
  readonly count: number;
  /** Found mostly between two different neighbours: an edge blend, or a step of a ramp. Never a peak, but it shows where a ramp runs. */
  readonly blend: boolean;
}

/**
 * UI-aware extractor: counts flat regions (fills, text stems, 1 px rules) by exact colour, then
 * keeps the colours that stand out as peaks over their own anti-aliasing, shadows and gradient
 * steps. Values are exact pixel values, never averages. Pure and deterministic.
 */
export function extractFlatRegions(image: RgbaImage, options: FlatRegionsOptions = {}): Extraction {
  const extractor = options.id ?? FLAT_REGIONS_ID;
  const { counter, total } = scanFlatRuns(image, rowStepFor(image, options.pixelBudget));
  if (total === 0) return { extractor, colors: [] };

  const minFlat = Math.max(1, total * MIN_SHARE * 0.25);
  let raw: { key: number; count: number; blend: boolean }[] = [];
  counter.forEach((key, count, flat, between) => {
    if (flat >= minFlat && flat >= count * MIN_FLAT_RATIO) raw.push({ key, count, blend: between >= count * MAX_BETWEEN_RATIO });
  });
  // A tiny or noisy image may have no flat pixel at all: then every colour counts.
  if (raw.length === 0) counter.forEach((key, count) => raw.push({ key, count, blend: false }));
  raw.sort((a, b) => b.count - a.count || a.key - b.key);
  raw = raw.slice(0, MAX_CANDIDATES);
  const candidates: Candidate[] = raw.map(({ key, count, blend }) => ({
    key,
    count,
    blend,
    lab: rgbToLab({ r: keyRed(key), g: keyGreen(key), b: keyBlue(key) }),
  }));

  const kept = dropTints(keepPeaks(candidates), candidates, vividInks(counter));
  const colors: ExtractedColor[] = kept
    .map(({ key, count }) => ({ hex: keyToHex(key), share: count / total }))
    .filter((c) => c.share >= MIN_SHARE)
    .slice(0, MAX_COLORS);
  return { extractor, colors: options.roles === false ? colors : inferRoles(colors, measureStructure(image, colors.map((c) => c.hex))) };
}

/**
 * Drops peaks that are a vivid candidate laid at partial opacity over one of the largest fills
 * (a 12 % amber wash behind "Pending"). Only vivid inks count: every grey lies between two
 * other greys, and a grey border or surface must stay.
 */
function dropTints(peaks: readonly { key: number; count: number }[], candidates: readonly Candidate[], inks: readonly number[]) {
  const bases = peaks.slice(0, TINT_BASES);
  const tinted = new Set(candidates.filter((c) => chroma(c.lab) >= MIN_TINT_CHROMA).map((c) => c.key));
  return peaks.filter((p, i) => i === 0 || !tinted.has(p.key) || !bases.some((b) => b.key !== p.key && p.count < MAX_TINT_RATIO * b.count && inks.some((ink) => ink !== p.key && isTintOf(p.key, b.key, ink))));
}

/**
 * Vivid colours drawn as flat ink anywhere, however little: the red of a one-word error badge is
 * too small to be a palette colour, yet its 12 % wash behind the word is larger.
 */
function vividInks(counter: ColorCounter): number[] {
  const inks: { key: number; flat: number }[] = [];
  counter.forEach((key, _count, flat) => {
    if (flat >= INK_MIN_FLAT) inks.push({ key, flat });
  });
  return inks
    .sort((a, b) => b.flat - a.flat || a.key - b.key)
    .slice(0, MAX_INKS)
    .filter(({ key }) => chroma(rgbToLab({ r: keyRed(key), g: keyGreen(key), b: keyBlue(key) })) >= VIVID_CHROMA)
    .map(({ key }) => key);
}

/**
 * Candidates arrive most frequent first. A candidate is a peak if it outnumbers every lesser
 * shade around it `PEAK_DOMINANCE` times; every other candidate joins the nearest more frequent
 * candidate within `SHADE_DE` (and so, in the end, a peak), or is dropped with its ramp.
 */
function keepPeaks(candidates: readonly Candidate[]): { key: number; count: number }[] {
  const n = candidates.length;
  const parent = new Int32Array(n).fill(-1);
  const nearestBigger = new Float64Array(n).fill(Infinity);
  const shades: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) {
    const ci = candidates[i]!;
    for (let j = 0; j < i; j++) {
      const cj = candidates[j]!;
      const dl = ci.lab.L - cj.lab.L, da = ci.lab.a - cj.lab.a, db = ci.lab.b - cj.lab.b;
      // Over sRGB, ΔE76 ÷ ΔE00 stays under 6.8 for pairs closer than SHADE_DE (measured on 400 000
      // random pairs; the worst are saturated blues), so colours 8× farther apart in plain CIELAB are never shades.
      if (dl * dl + da * da + db * db > SHADE_PREFILTER_76 * SHADE_PREFILTER_76) continue;
      const de = ciede2000(ci.lab, cj.lab);
      if (de >= SHADE_DE) continue;
      // j is more frequent than i: i may be j's shade.
      if (de < nearestBigger[i]!) {
        nearestBigger[i] = de;
        parent[i] = j;
      }
      shades[j]!.push(i);
    }
  }
  // Least frequent first, so that a colour is judged only against lesser shades that are not
  // peaks themselves: two large fills a step apart (white and a grey canvas) both stand.
  const isPeak = new Uint8Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let biggestLesser = 0;
    // Blends never stand on their own, so they are no rivals either: text anti-aliased over a dark
    // ground passes through the theme's muted grey, and those edge pixels can outnumber its own.
    for (const s of shades[i]!) if (!isPeak[s] && !candidates[s]!.blend && candidates[s]!.count > biggestLesser) biggestLesser = candidates[s]!.count;
    const c = candidates[i]!;
    isPeak[i] = !c.blend && nearestBigger[i]! >= SAME_DE && c.count >= PEAK_DOMINANCE * biggestLesser ? 1 : 0;
  }
  const counts = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let root = i;
    while (!isPeak[root] && parent[root]! >= 0) root = parent[root]!;
    if (isPeak[root]) counts[root]! += candidates[i]!.count;
  }
  const kept: { key: number; count: number }[] = [];
  for (let i = 0; i < n; i++) if (isPeak[i]) kept.push({ key: candidates[i]!.key, count: counts[i]! });
  return kept.sort((a, b) => b.count - a.count || a.key - b.key);
}
