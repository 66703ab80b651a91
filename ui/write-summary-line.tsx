import type { WriteSummary } from '../core/messages/plugin-messages.ts';

/** `3 created · 2 updated · 1 unchanged`, plus the hand-edited styles left alone once the designer chose to keep them. */
export function WriteSummaryLine({ summary, keptEdited }: { summary: WriteSummary; keptEdited: boolean }) {
  const parts = [
    `${summary.created.length} created`,
    `${summary.updated.length} updated`,
    `${summary.unchanged.length} unchanged`,
  ];
  if (keptEdited && summary.editedByHand.length > 0) parts.push(`${summary.editedByHand.length} kept as you edited`);
  return (
    <p class="summary" role="status" data-testid="write-summary">
      {parts.join(' · ')}
    </p>
  );
}
