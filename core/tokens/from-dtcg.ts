import { z } from 'zod';
import { hexSchema } from '../palette/palette-color.ts';
import { roleSchema } from '../palette/role.ts';
import type { ExportColor } from './export-color.ts';
import { CHORUS_EXTENSION } from './to-dtcg.ts';

const tokenSchema = z.object({
  $value: z.object({
    colorSpace: z.literal('srgb'),
    components: z.tuple([z.number().min(0).max(1), z.number().min(0).max(1), z.number().min(0).max(1)]),
    hex: z.optional(hexSchema),
  }),
  $description: z.string().optional(),
  $extensions: z
    .object({
      [CHORUS_EXTENSION]: z
        .object({
          role: z.optional(roleSchema),
          name: z.string().optional(),
          share: z.number().optional(),
          confidence: z.number().optional(),
          agreement: z.number().optional(),
          conflict: z.boolean().optional(),
        })
        .optional(),
    })
    .optional(),
});

/**
 * Reads a DTCG document Chorus wrote (`toDtcg`) back into colours, in document order. The value
 * comes from `components` (the normative part), not the hex fallback. Throws a ZodError on a token
 * that is not an sRGB colour.
 */
export function fromDtcg(document: unknown): ExportColor[] {
  const group = z.object({ color: z.record(z.string(), z.unknown()) }).parse(document).color;
  const colors: ExportColor[] = [];
  for (const [key, value] of Object.entries(group)) {
    if (key.startsWith('$')) continue;
    const token = tokenSchema.parse(value);
    const [r, g, b] = token.$value.components;
    const hex = `#${[r, g, b].map((c) => Math.round(c * 255).toString(16).padStart(2, '0')).join('')}`;
    const chorus = token.$extensions?.[CHORUS_EXTENSION];
    colors.push({
      hex,
      ...(chorus?.role ? { role: chorus.role } : {}),
      ...(chorus?.name ? { name: chorus.name } : {}),
      ...(chorus?.share !== undefined ? { share: chorus.share } : {}),
      ...(chorus?.confidence !== undefined ? { confidence: chorus.confidence } : {}),
      ...(chorus?.agreement !== undefined ? { agreement: chorus.agreement } : {}),
      ...(chorus?.conflict !== undefined ? { conflict: chorus.conflict } : {}),
    });
  }
  return colors;
}
