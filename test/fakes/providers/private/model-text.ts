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
