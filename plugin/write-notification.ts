import type { WriteSummary } from '../core/messages/plugin-messages.ts';

/**
 * The one sentence `figma.notify` shows after a write, e.g.
 * "Chorus: 3 styles created, 2 updated, 1 edited by hand kept".
 * At most 64 colours per palette keep it far below Figma's 100-character cut.
 */
export function writeNotification(summary: WriteSummary): string {
  const counts: [number, string][] = [
    [summary.created.length, 'created'],
    [summary.updated.length, 'updated'],
    [summary.unchanged.length, 'unchanged'],
    [summary.editedByHand.length, 'edited by hand kept'],
  ];
  const parts = counts
    .filter(([count]) => count > 0)
    .map(([count, what], i) => (i === 0 ? `${count} ${count === 1 ? 'style' : 'styles'} ${what}` : `${count} ${what}`));
  return `Chorus: ${parts.length > 0 ? parts.join(', ') : 'no styles to write'}`;
}
