import { z } from 'zod';
import { hexSchema } from '../palette/palette-color.ts';
import { roleSchema } from '../palette/role.ts';

/** A token of the file, on the wire (core/reuse/plan-reuse.ts's DesignToken). */
export const designTokenSchema = z.object({
  id: z.string().max(256),
  name: z.string().max(512),
  hex: hexSchema,
  kind: z.enum(['variable', 'style', 'library-variable']),
});

/** One line of the plan before writing (core/reuse/plan-reuse.ts's PlanLine), keyed by the colour's style slot. */
export const planLineSchema = z.object({
  key: z.string().max(64),
  role: roleSchema.optional(),
  hex: hexSchema,
  action: z.enum(['new', 'reuse', 'update', 'keep']),
  token: designTokenSchema.optional(),
  deltaE: z.number().min(0).optional(),
  alternatives: z.array(z.object({ token: designTokenSchema, deltaE: z.number().min(0) })).max(16),
});
export type PlanLineMessage = z.infer<typeof planLineSchema>;

/** The designer's word on a line: reuse this token (by id), or write the colour as Chorus's own. */
export const planChoiceSchema = z.object({ slot: z.string().max(64), reuse: z.string().max(256).optional() });
export type PlanChoice = z.infer<typeof planChoiceSchema>;

/** Tokenize the selection: what would be (or was) bound, per variable (plugin/tokenize-selection.ts). */
export const tokenizePreviewSchema = z.object({
  counts: z
    .array(z.object({ variableId: z.string().max(256), variableName: z.string().max(512), hex: hexSchema, fills: z.number().int().min(0), strokes: z.number().int().min(0) }))
    .max(256),
  alreadyBound: z.number().int().min(0),
  outside: z.number().int().min(0),
  mixedText: z.number().int().min(0),
  cut: z.boolean(),
});
export type TokenizePreviewMessage = z.infer<typeof tokenizePreviewSchema>;
