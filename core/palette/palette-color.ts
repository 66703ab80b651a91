// zod/mini (`z.optional(x)`, `.check(...)`): the sandbox bundles this contract; see core/messages/plugin-messages.ts.
import * as z from 'zod/mini';
import { roleSchema } from './role.ts';

export const hexSchema = z.string().check(z.regex(/^#[0-9a-f]{6}$/, 'a lower-case #rrggbb colour'));

/** One extractor's support for a palette colour. */
export const voteSchema = z.object({
  extractor: z.string().check(z.minLength(1), z.maxLength(64)),
  hex: hexSchema,
  weight: z.number().check(z.gte(0), z.lte(100)),
  share: z.optional(z.number().check(z.gte(0), z.lte(1))),
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
  weight: z.number().check(z.gte(0), z.lte(1000)),
  /** A CV extractor saw these exact pixels. */
  measured: z.boolean(),
  name: z.optional(z.string().check(z.maxLength(80))),
  votes: z.array(z.object({ extractor: z.string().check(z.minLength(1), z.maxLength(64)), weight: z.number().check(z.gte(0), z.lte(100)) })).check(z.maxLength(64)),
});
export type PaletteCandidate = z.infer<typeof candidateSchema>;

export const paletteColorSchema = z.object({
  hex: hexSchema,
  role: z.optional(roleSchema),
  name: z.optional(z.string().check(z.maxLength(80))),
  share: z.number().check(z.gte(0), z.lte(1)),
  confidence: z.optional(z.number().check(z.gte(0), z.lte(1))),
  /** Winning weight over the weight that voted (0–1), when a vote decided it. */
  agreement: z.optional(z.number().check(z.gte(0), z.lte(1))),
  votes: z.array(voteSchema).check(z.maxLength(64)),
  /** The vote did not decide (agreement under 60 %): the designer should pick among `candidates`. */
  conflict: z.optional(z.boolean()),
  /** Every value proposed, most weight first (the first is `hex`'s); present for a conflict. */
  candidates: z.optional(z.array(candidateSchema).check(z.maxLength(16))),
});
export type PaletteColor = z.infer<typeof paletteColorSchema>;
