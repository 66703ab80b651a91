import * as z from 'zod/mini';
import { hexSchema } from '../palette/palette-color.ts';
import { roleSchema } from '../palette/role.ts';

/** One version of a screen (light, dark, high contrast) as a mode: its name (editable) and its colours by role. */
export const modeVersionSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(40)),
  colors: z.array(z.object({ role: roleSchema, hex: hexSchema })).check(z.minLength(1), z.maxLength(64)),
});
export type ModeVersion = z.infer<typeof modeVersionSchema>;

/** What write-modes did: every mode written whole, the ones the plan had no room for named. */
export const modesResultSchema = z.object({
  collection: z.string(),
  written: z.array(z.string()),
  /** Versions not written: the collection is at the plan's limit of modes. */
  skipped: z.array(z.string()),
  /** The plan's limit of modes per collection, when it was hit. */
  limit: z.optional(z.number().check(z.int(), z.gte(1))),
  /** Roles not in every written version: not written, a mode without them would be half a mode. */
  unpaired: z.array(roleSchema),
});
export type ModesResult = z.infer<typeof modesResultSchema>;
