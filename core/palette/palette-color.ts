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
export const paletteColorSchema = z.object({
  hex: hexSchema,
  role: roleSchema.optional(),
  name: z.string().max(80).optional(),
  share: z.number().min(0).max(1),
  confidence: z.number().min(0).max(1).optional(),
  votes: z.array(voteSchema).max(64),
});
export type PaletteColor = z.infer<typeof paletteColorSchema>;
