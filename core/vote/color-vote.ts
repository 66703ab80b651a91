import { z } from 'zod';
import { hexSchema } from '../palette/palette-color.ts';
import { roleSchema } from '../palette/role.ts';

/**
 * One extractor's vote for one colour, the unit of the consensus. `measured` is true when a CV
 * extractor saw those exact pixels; a model's hex is a guess, however good. `share` is the
 * fraction (0–1) of the image the colour covers, when the extractor measured it.
 */
export const colorVoteSchema = z.object({
  extractor: z.string().min(1).max(64),
  weight: z.number().positive().max(100),
  hex: z
    .string()
    .transform((s) => s.toLowerCase())
    .pipe(hexSchema),
  role: z.optional(roleSchema),
  /** A model's semantic name for the colour, e.g. `molten-copper`. */
  name: z.string().trim().min(1).max(64).optional(),
  measured: z.boolean(),
  share: z.number().min(0).max(1).optional(),
});
export type ColorVote = z.infer<typeof colorVoteSchema>;
