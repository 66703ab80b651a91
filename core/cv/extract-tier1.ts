import type { PaletteColor } from '../palette/palette-color.ts';
import { inferRoles } from '../roles/infer-roles.ts';
import { voteTier1 } from '../vote/vote-tier1.ts';
import { measureStructure } from './measure-structure.ts';
import type { ColorStructure } from '../roles/color-structure.ts';
import type { Extraction } from './extracted-color.ts';
import type { RgbaImage } from './rgba-image.ts';
import { TIER1_EXTRACTORS } from './tier1-extractors.ts';
import type { ExtractOptions, Tier1Extractor } from './tier1-extractor.ts';
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
 * first, each frame's shares counted by its pixel area, so a frame weighs what it shows. Roles are
 * named once, on the voted palette, from the frames' structure, and each extractor's colours carry
 * the role of the voted colour they went into (so the votes the server receives agree with the palette).
 */
export function extractTier1Many(images: readonly RgbaImage[]): Tier1Result {
  const unnamed = TIER1_EXTRACTORS.map((extractor) => runOnImages(extractor, images, { roles: false }));
  const voted = voteTier1(unnamed, WEIGHTS);
  const colors = inferRoles(voted, pooledStructure(images, voted.map((c) => c.hex)));
  const roleOf = new Map<string, Role>();
  for (const c of colors) if (c.role) for (const v of c.votes) roleOf.set(`${v.extractor} ${v.hex}`, c.role);
  const extractions = unnamed.map((e) => ({
    extractor: e.extractor,
    colors: e.colors.map((c) => {
      const role = roleOf.get(`${e.extractor} ${c.hex}`);
      return role ? { ...c, role } : c;
    }),
  }));
  return { colors, extractions };
}

/**
 * The structure of several frames as one: each measure weighted by the frame's area; which colour
 * encloses which is read from the largest frame, the one that shows the layout best.
 */
function pooledStructure(images: readonly RgbaImage[], hexes: readonly string[]): ColorStructure[] {
  const perImage = images.map((image) => measureStructure(image, hexes));
  if (perImage.length === 1) return perImage[0]!;
  const areas = images.map((i) => i.width * i.height);
  const totalArea = areas.reduce((a, b) => a + b, 0) || 1;
  const largest = areas.indexOf(Math.max(...areas));
  return hexes.map((_, k) => {
    const mean = (field: 'share' | 'stroke' | 'fill' | 'rule' | 'content') =>
      perImage.reduce((sum, s, i) => sum + s[k]![field] * areas[i]!, 0) / totalArea;
    const layout = perImage[largest]![k]!;
    return {
      ...layout,
      share: mean('share'),
      stroke: mean('stroke'),
      fill: mean('fill'),
      rule: mean('rule'),
      content: mean('content'),
      grounds: hexes.map((_, j) => perImage.reduce((sum, s, i) => sum + s[k]!.grounds[j]! * areas[i]!, 0) / totalArea),
    };
  });
}

/**
 * One extractor over several frames as one extraction: each frame's shares counted by its pixel
 * area, and the same colour in two frames pooled into one (by exact value, as extractors report them).
 */
export function runOnImages(extractor: Tier1Extractor, images: readonly RgbaImage[], options?: ExtractOptions): Extraction {
  const perImage = images.map((image) => extractor.extract(image, options));
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
