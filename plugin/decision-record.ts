// zod/mini keeps the sandbox bundle small (see core/messages/plugin-messages.ts).
import * as z from 'zod/mini';
import { hexSchema } from '../core/palette/palette-color.ts';
import { CHORUS_STYLE_DATA } from './chorus-style-data.ts';
import { readPluginDataJson } from './private/read-plugin-data-json.ts';

/**
 * The designer's resolution of a conflict, kept in the style's (and its variable's) plugin data:
 * the colour they chose and the candidates they chose among. A later run keeps `hex` instead of
 * writing its own consensus (see writeStyles).
 */
export const decisionRecordSchema = z.object({
  v: z.literal(1),
  hex: hexSchema,
  candidates: z.array(hexSchema).check(z.maxLength(16)),
});
export type DecisionRecord = z.infer<typeof decisionRecordSchema>;

export function encodeDecisionRecord(hex: string, candidates: readonly string[]): string {
  const record: DecisionRecord = { v: 1, hex, candidates: [...candidates] };
  return JSON.stringify(record);
}

/**
 * The decision stored on `owner`, or undefined when there is none. One that does not parse is
 * reported on the console and treated as none (the next run then writes its consensus there).
 */
export function readDecisionRecord(owner: PluginDataMixin, ownerName: string): DecisionRecord | undefined {
  return readPluginDataJson(
    owner,
    CHORUS_STYLE_DATA.decision,
    decisionRecordSchema,
    `Chorus ignored the review decision stored on "${ownerName}": it is not one Chorus can read.`,
  );
}
