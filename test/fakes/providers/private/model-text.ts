import type { RawContentBehaviour, ReplyBehaviour } from '../fake-provider.ts';

/**
 * The text the fake model "generated": `rawContent` verbatim, or the reply as JSON. A token-limit
 * finish cuts a reply's JSON in half, as a generation stopped by `max_tokens` would be.
 */
export function modelText(behaviour: ReplyBehaviour | RawContentBehaviour): string {
  if ('rawContent' in behaviour) return behaviour.rawContent;
  const json = JSON.stringify(behaviour.reply);
  const truncated = behaviour.finish === 'length' || behaviour.finish === 'max_tokens';
  return truncated ? json.slice(0, Math.floor(json.length / 2)) : json;
}

/** The output cap a request asked for (`max_completion_tokens`, else `max_tokens`), or undefined. */
export function outputCap(body: unknown): number | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  const cap = record['max_completion_tokens'] ?? record['max_tokens'];
  return typeof cap === 'number' ? cap : undefined;
}

/**
 * Thinking the fake model does for this request: `thinkingTokens` when thinking is on, and whether
 * it used up the output cap before any answer (`exhausted`), as a thinking model does on the real APIs.
 */
export function thinkingOf(behaviour: ReplyBehaviour | RawContentBehaviour, thinkingOn: boolean, cap: number | undefined): { tokens: number; exhausted: boolean } {
  const wanted = thinkingOn ? (behaviour.thinkingTokens ?? 0) : 0;
  if (cap !== undefined && wanted >= cap) return { tokens: cap, exhausted: true };
  return { tokens: wanted, exhausted: false };
}
