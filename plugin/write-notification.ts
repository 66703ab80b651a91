import type { WriteSummary } from '../core/messages/plugin-messages.ts';

/** Figma cuts notifications at this many characters (figma.notify docs). */
const NOTIFY_MAX_CHARS = 100;

/**
 * The one sentence `figma.notify` shows after a write, e.g.
 * "Chorus: 3 styles created, 2 updated, 1 edited by hand kept, 1 to review". Should the longest
 * wording pass Figma's 100-character cut (only with two-digit counts in every category), the
 * words shorten rather than the counts disappear.
 */
export function writeNotification(summary: WriteSummary): string {
  const long = sentence(summary, { styles: true, kept: 'kept as decided', edited: 'edited by hand kept' });
  return long.length <= NOTIFY_MAX_CHARS ? long : sentence(summary, { styles: false, kept: 'decided kept', edited: 'hand edits kept' });
}

function sentence(summary: WriteSummary, words: { styles: boolean; kept: string; edited: string }): string {
  const counts: [number, string][] = [
    [summary.created.length, 'created'],
    [summary.updated.length, 'updated'],
    [summary.unchanged.length, 'unchanged'],
    [summary.keptDecisions.length, words.kept],
    [summary.editedByHand.length, words.edited],
  ];
  const parts = counts
    .filter(([count]) => count > 0)
    .map(([count, what], i) => (i === 0 && words.styles ? `${count} ${count === 1 ? 'style' : 'styles'} ${what}` : `${count} ${what}`));
  if (summary.flagged.length > 0) parts.push(`${summary.flagged.length} to review`);
  return `Chorus: ${parts.length > 0 ? parts.join(', ') : 'no styles to write'}`;
}
