import * as z from 'zod/mini';
import { hexSchema } from '../palette/palette-color.ts';
import { roleSchema } from '../palette/role.ts';

/** A token of the file, on the wire (core/reuse/plan-reuse.ts's DesignToken). */
export const designTokenSchema = z.object({
  id: z.string().check(z.maxLength(256)),
  name: z.string().check(z.maxLength(512)),
  hex: hexSchema,
  kind: z.enum(['variable', 'style', 'library-variable']),
});

/** One line of the plan before writing (core/reuse/plan-reuse.ts's PlanLine), keyed by the colour's style slot. */
export const planLineSchema = z.object({
  key: z.string().check(z.maxLength(64)),
  role: z.optional(roleSchema),
  hex: hexSchema,
  action: z.enum(['new', 'reuse', 'update', 'keep']),
  token: z.optional(designTokenSchema),
  deltaE: z.optional(z.number().check(z.gte(0))),
  alternatives: z.array(z.object({ token: designTokenSchema, deltaE: z.number().check(z.gte(0)) })).check(z.maxLength(16)),
});
export type PlanLineMessage = z.infer<typeof planLineSchema>;

/** The designer's word on a line: reuse this token (by id), or write the colour as Chorus's own. */
export const planChoiceSchema = z.object({ slot: z.string().check(z.maxLength(64)), reuse: z.optional(z.string().check(z.maxLength(256))) });
export type PlanChoice = z.infer<typeof planChoiceSchema>;

/** Tokenize the selection: what would be (or was) bound, per variable (plugin/tokenize-selection.ts). */
export const tokenizePreviewSchema = z.object({
  counts: z
    .array(
      z.object({
        variableId: z.string().check(z.maxLength(256)),
        variableName: z.string().check(z.maxLength(512)),
        hex: hexSchema,
        fills: z.number().check(z.int(), z.gte(0)),
        strokes: z.number().check(z.int(), z.gte(0)),
      }),
    )
    .check(z.maxLength(256)),
  alreadyBound: z.number().check(z.int(), z.gte(0)),
  outside: z.number().check(z.int(), z.gte(0)),
  mixedText: z.number().check(z.int(), z.gte(0)),
  cut: z.boolean(),
});
export type TokenizePreviewMessage = z.infer<typeof tokenizePreviewSchema>;
