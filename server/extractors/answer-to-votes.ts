import type { ColorVote } from '../../core/vote/color-vote.ts';
import { ExtractorFailure } from '../orchestrator/extractor.ts';
import { modelAnswerSchema } from './model-answer.ts';

/**
 * A model's raw text answer → votes, or an INVALID_OUTPUT failure saying what was wrong. The model
 * is untrusted input: its JSON is parsed and validated here, and nothing else of it is used.
 */
export function answerToVotes(text: string, extractor: string, weight: number, cost: number): ColorVote[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ExtractorFailure('INVALID_OUTPUT', `The model's answer is not JSON (${describeText(text)}).`, cost);
  }
  const parsed = modelAnswerSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'answer';
    throw new ExtractorFailure('INVALID_OUTPUT', `The model's answer does not match the schema (${where}: ${issue?.message ?? 'invalid'}).`, cost);
  }
  // A role given twice counts once, for the first (most important) colour.
  const roles = new Set<string>();
  return parsed.data.colors.map((c) => {
    const role = c.role !== 'other' && !roles.has(c.role) ? c.role : undefined;
    if (role) roles.add(role);
    return { extractor, weight, hex: c.hex.toLowerCase(), measured: false, name: c.name, ...(role ? { role } : {}) };
  });
}

function describeText(text: string): string {
  if (text.trim() === '') return 'it is empty';
  return text.length > 60 ? `it starts "${text.slice(0, 57)}…"` : `"${text}"`;
}
