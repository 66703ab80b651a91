import type { PaletteColor } from '../palette/palette-color.ts';
import { inferRoles } from '../roles/infer-roles.ts';
import { voteTier1 } from '../vote/vote-tier1.ts';
import { edgeRingShares } from './edge-ring-shares.ts';
import type { Extraction } from './extracted-color.ts';
import type { RgbaImage } from './rgba-image.ts';
import { TIER1_EXTRACTORS } from './tier1-extractors.ts';
import type { Tier1Extractor } from './tier1-extractor.ts';
import type { Role } from '../palette/role.ts';

export interface Tier1Result {
  /** The voted palette, most prominent first, with roles where they could be told. */
  readonly colors: readonly PaletteColor[];
  /** Each extractor's own answer, for display and for the server's vote. */
  readonly extractions: readonly Extraction[];
}

const WEIGHTS: ReadonlyMap<string, number> = new Map(TIER1_EXTRACTORS.map((e) => [e.id, e.weight]));

/** Runs every tier-1 extractor over one frame and votes. An image with no opaque pixel gives an empty palette. */
export function extractTier1(image: RgbaImage): Tier1Result {
  return extractTier1Many([image]);
}

/**
 * Tier 1 over several frames as one palette. Each extractor's answers for the frames are pooled
 * first, each frame's shares counted by its pixel area, so a frame weighs what it shows.
 */
export function extractTier1Many(images: readonly RgbaImage[]): Tier1Result {
  const areas = images.map((i) => i.width * i.height);
  const totalArea = areas.reduce((a, b) => a + b, 0);
  const extractions = TIER1_EXTRACTORS.map((extractor) => runOnImages(extractor, images));
  const voted = voteTier1(extractions, WEIGHTS);
  const hexes = voted.map((c) => c.hex);
  const edge = hexes.map(() => 0);
  images.forEach((image, i) => edgeRingShares(image, hexes).forEach((s, k) => (edge[k]! += (s * areas[i]!) / totalArea)));
  return { colors: inferRoles(voted, edge), extractions };
}

/**
 * One extractor over several frames as one extraction: each frame's shares counted by its pixel
 * area, and the same colour in two frames pooled into one (by exact value, as extractors report them).
 */
export function runOnImages(extractor: Tier1Extractor, images: readonly RgbaImage[]): Extraction {
  const perImage = images.map((image) => extractor.extract(image));
  if (perImage.length === 1) return perImage[0]!;
  const areas = images.map((i) => i.width * i.height);
  const totalArea = areas.reduce((a, b) => a + b, 0);
  const pooled = new Map<string, { share: number; role?: Role }>();
  perImage.forEach((e, i) =>
    e.colors.forEach((c) => {
      const seen = pooled.get(c.hex);
      const role = seen?.role ?? c.role;
      pooled.set(c.hex, { share: (seen?.share ?? 0) + (c.share * areas[i]!) / totalArea, ...(role ? { role } : {}) });
    }),
  );
  return {
    extractor: extractor.id,
    colors: [...pooled].map(([hex, c]) => ({ hex, ...c })).sort((a, b) => b.share - a.share || (a.hex < b.hex ? -1 : 1)),
  };
}
