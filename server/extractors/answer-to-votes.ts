import type { ColorVote } from '../../core/vote/color-vote.ts';
import { ExtractorFailure } from '../orchestrator/extractor.ts';
import { MAX_MODEL_COLORS, modelAnswerListSchema, modelColorSchema } from './model-answer.ts';
import { parseModelJson } from './parse-model-json.ts';

/** A model's answer as votes, with what was left out of it and why (empty when every colour was valid). */
export interface AnswerVotes {
  readonly votes: ColorVote[];
  readonly dropped: readonly string[];
}

/**
 * A model's raw text answer → votes. The model is untrusted input: its JSON (bare, fenced or inside
 * prose) is validated colour by colour; a malformed colour is dropped and said so, the valid ones
 * of a paid-for answer are kept. Throws INVALID_OUTPUT (with `cost`, the answer was billed) when
 * there is no JSON, no `colors` list, or not one valid colour.
 */
export function readModelAnswer(text: string, extractor: string, weight: number, cost: number): AnswerVotes {
  const json = parseModelJson(text);
  if (json === undefined) throw new ExtractorFailure('INVALID_OUTPUT', `The model's answer is not JSON (${describeText(text)}).`, cost);
  const list = modelAnswerListSchema.safeParse(json);
  if (!list.success) {
    const issue = list.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'answer';
    throw new ExtractorFailure('INVALID_OUTPUT', `The model's answer does not match the schema (${where}: ${issue?.message ?? 'invalid'}).`, cost);
  }
  const dropped: string[] = [];
  const valid = list.data.colors.flatMap((entry, index) => {
    const parsed = modelColorSchema.safeParse(entry);
    if (parsed.success) return [parsed.data];
    const issue = parsed.error.issues[0];
    dropped.push(`colors.${index}${issue && issue.path.length > 0 ? `.${issue.path.join('.')}` : ''}: ${issue?.message ?? 'invalid'}`);
    return [];
  });
  if (valid.length === 0) throw new ExtractorFailure('INVALID_OUTPUT', `The model's answer does not match the schema (${dropped.slice(0, 3).join('; ')}).`, cost);
  if (valid.length > MAX_MODEL_COLORS) dropped.push(`${valid.length - MAX_MODEL_COLORS} colour(s) past the first ${MAX_MODEL_COLORS}`);
  // A role given twice counts once, for the first (most important) colour.
  const roles = new Set<string>();
  const votes = valid.slice(0, MAX_MODEL_COLORS).map((c): ColorVote => {
    const role = c.role !== 'other' && !roles.has(c.role) ? c.role : undefined;
    if (role) roles.add(role);
    return { extractor, weight, hex: c.hex.toLowerCase(), measured: false, name: c.name, ...(role ? { role } : {}) };
  });
  return { votes, dropped };
}

/** The votes of `readModelAnswer`, for callers that do not report what was dropped. */
export function answerToVotes(text: string, extractor: string, weight: number, cost: number): ColorVote[] {
  return readModelAnswer(text, extractor, weight, cost).votes;
}

/** One line for the stream's `reason` on a partly valid answer, or undefined when nothing was dropped. */
export function describeDropped(kept: number, dropped: readonly string[]): string | undefined {
  if (dropped.length === 0) return undefined;
  const shown = dropped.slice(0, 3).join('; ');
  return `Kept ${kept} colour(s); dropped ${dropped.length} invalid: ${shown}${dropped.length > 3 ? '; …' : ''}.`;
}

function describeText(text: string): string {
  if (text.trim() === '') return 'it is empty';
  return text.length > 60 ? `it starts "${text.slice(0, 57)}…"` : `"${text}"`;
}
