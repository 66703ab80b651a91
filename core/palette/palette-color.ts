import { z } from 'zod';
import { roleSchema } from './role.ts';

export const hexSchema = z.string().regex(/^#[0-9a-f]{6}$/, 'a lower-case #rrggbb colour');

/** One extractor's support for a palette colour. */
export const voteSchema = z.object({
  extractor: z.string().min(1).max(64),
  hex: hexSchema,
  weight: z.number().min(0).max(100),
  share: z.number().min(0).max(1).optional(),
});
export type Vote = z.infer<typeof voteSchema>;

/**
 * A colour of a palette, as the UI shows it and the plugin writes it.
 * `share` is the fraction (0–1) of the image's pixels it covers; `confidence` is 0–1.
 */
/** One value the extractors proposed for a colour they disagree on, with who proposed it. */
export const candidateSchema = z.object({
  hex: hexSchema,
  /** Total weight of the votes for it. */
  weight: z.number().min(0).max(1000),
  /** A CV extractor saw these exact pixels. */
  measured: z.boolean(),
  name: z.string().max(80).optional(),
  votes: z.array(z.object({ extractor: z.string().min(1).max(64), weight: z.number().min(0).max(100) })).max(64),
});
export type PaletteCandidate = z.infer<typeof candidateSchema>;

export const paletteColorSchema = z.object({
  hex: hexSchema,
  role: roleSchema.optional(),
  name: z.string().max(80).optional(),
  share: z.number().min(0).max(1),
  confidence: z.number().min(0).max(1).optional(),
  /** Winning weight over the weight that voted (0–1), when a vote decided it. */
  agreement: z.number().min(0).max(1).optional(),
  votes: z.array(voteSchema).max(64),
  /** The vote did not decide (agreement under 60 %): the designer should pick among `candidates`. */
  conflict: z.boolean().optional(),
  /** Every value proposed, most weight first (the first is `hex`'s); present for a conflict. */
  candidates: z.array(candidateSchema).max(16).optional(),
});
export type PaletteColor = z.infer<typeof paletteColorSchema>;
