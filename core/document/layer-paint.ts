import * as z from 'zod/mini';
import { hexSchema } from '../palette/palette-color.ts';

/** Where a solid paint sits in the layers: what it can tell of its role. */
export const paintKindSchema = z.enum(['frame-fill', 'shape-fill', 'text', 'stroke']);
export type PaintKind = z.infer<typeof paintKindSchema>;

/**
 * One solid paint the designer authored, as the plugin read it from the layers (plain data: the
 * document voter in core/ never sees a node). Areas are in Figma px².
 */
export const layerPaintSchema = z.object({
  /** The colour as it renders: the paint composited over its backdrop when it is translucent. */
  hex: hexSchema,
  /** The paint's own colour. */
  authoredHex: hexSchema,
  /** Paint opacity × the opacity of its layer and every ancestor, 0–1. */
  alpha: z.number().check(z.gte(0), z.lte(1)),
  /** The area it covers: a frame's own area less its opaque children's, a text box's area for text. */
  area: z.number().check(z.gte(0)),
  kind: paintKindSchema,
  /** 0 for the selected frame itself. */
  depth: z.number().check(z.int(), z.gte(0)),
  /** Index of the selected frame it is in. */
  root: z.number().check(z.int(), z.gte(0)),
  /** A fill whose layer has children: it is behind them. */
  behindChildren: z.boolean(),
  /** A fill of a layer holding a text label directly: the label's colour (a button, a chip). */
  labelHex: z.optional(hexSchema),
  /** For text: the colour of the nearest fill behind it (composited), if any. */
  backdropHex: z.optional(hexSchema),
  /** For text: px. */
  fontSize: z.optional(z.number().check(z.gte(0))),
  fontWeight: z.optional(z.number().check(z.gte(0))),
  /** The bound variable's or style's name (`brand/primary`), the designer's own word for it. */
  boundName: z.optional(z.string().check(z.maxLength(256))),
});
export type LayerPaint = z.infer<typeof layerPaintSchema>;

/** Most paints one read sends: a bounded walk reads fewer layers than this holds. */
export const MAX_LAYER_PAINTS = 50_000;

/** What the plugin read from the selection's layers. */
export const documentReadSchema = z.object({
  paints: z.array(layerPaintSchema).check(z.maxLength(MAX_LAYER_PAINTS)),
  /** Area of each selected frame, px². */
  rootAreas: z.array(z.number().check(z.gte(0))).check(z.maxLength(100)),
  /** Layers visited. */
  visited: z.number().check(z.int(), z.gte(0)),
  /** Image fills seen: screenshots, which only the pixels (CV) can read. */
  imageFills: z.number().check(z.int(), z.gte(0)),
  /** The walk stopped before the end: at the layer count or the time budget. */
  cut: z.optional(z.object({ reason: z.enum(['count', 'time']), limit: z.number() })),
  ms: z.number().check(z.gte(0)),
});
export type DocumentRead = z.infer<typeof documentReadSchema>;
