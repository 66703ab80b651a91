import type { WriteSummary } from '../core/messages/plugin-messages.ts';

export interface WriteSummaryLineProps {
  readonly summary: WriteSummary;
  /** The designer chose to keep their hand edits: say how many were left alone. */
  readonly keptEdited: boolean;
  /** Opens the Review panel; offered when the write flagged colours. */
  readonly onReview?: (() => void) | undefined;
}

/**
 * `3 created · 2 updated · 1 unchanged · 1 kept as you decided · 2 need review`: what the write did,
 * the earlier review decisions it left standing, the hand-edited styles left alone once the
 * designer chose to keep them, and the conflicts it flagged, with a way to the Review panel.
 */
export function WriteSummaryLine({ summary, keptEdited, onReview }: WriteSummaryLineProps) {
  const parts = [
    `${summary.created.length} created`,
    `${summary.updated.length} updated`,
    `${summary.unchanged.length} unchanged`,
  ];
  if (summary.keptDecisions.length > 0) parts.push(`${summary.keptDecisions.length} kept as you decided`);
  if (keptEdited && summary.editedByHand.length > 0) parts.push(`${summary.editedByHand.length} kept as you edited`);
  const flagged = summary.flagged.length;
  return (
    <p class="summary" role="status" data-testid="write-summary">
      {parts.join(' · ')}
      {flagged > 0 && (
        <>
          {' · '}
          <span class="summary-flagged" data-testid="write-flagged" title={summary.flagged.join('\n')}>
            {flagged} {flagged === 1 ? 'needs' : 'need'} review
          </span>
          {onReview && (
            <>
              {' '}
              <button type="button" class="link" data-testid="write-review" onClick={onReview}>
                Review
              </button>
            </>
          )}
        </>
      )}
    </p>
  );
}
