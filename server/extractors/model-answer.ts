import { z } from 'zod';
import { ROLES } from '../../core/palette/role.ts';

/** Most colours a model may name: a palette, not a histogram. */
export const MAX_MODEL_COLORS = 24;

/** Longest list of colours read from an answer before the rest is dropped unread: a bound on untrusted input. */
const MAX_LISTED_COLORS = 4 * MAX_MODEL_COLORS;

/** One colour of a model's answer, validated before it is believed. */
export const modelColorSchema = z.object({
  hex: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a #rrggbb colour'),
  role: z.enum(ROLES).or(z.literal('other')),
  name: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a kebab-case name like molten-copper'),
});
export type ModelColor = z.infer<typeof modelColorSchema>;

/** A fully valid answer, as a well-behaved model gives it. */
export interface ModelAnswer {
  readonly colors: readonly ModelColor[];
}

/** The answer's outer shape: a list of colours, each checked on its own so one bad entry does not void a paid answer. */
export const modelAnswerListSchema = z.object({
  colors: z.array(z.unknown()).min(1).max(MAX_LISTED_COLORS),
});

/**
 * The same shape as JSON Schema for the providers' structured outputs (OpenAI `strict` mode and
 * Anthropic `output_config.format` accept this subset: every property required, no extras).
 */
export const MODEL_ANSWER_JSON_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['colors'],
  properties: {
    colors: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['hex', 'role', 'name'],
        properties: {
          hex: { type: 'string', description: 'The colour as #rrggbb; one of the measured values when it is one of them.' },
          role: { type: 'string', enum: [...ROLES, 'other'] },
          name: { type: 'string', description: 'A short evocative kebab-case name, e.g. molten-copper.' },
        },
      },
    },
  },
} as const;
