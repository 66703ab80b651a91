export interface AcceptAllConfirmProps {
  readonly count: number;
  readonly onCancel: () => void;
  readonly onAccept: () => void;
}

/** The inline "are you sure" of "Accept all suggestions", for the brave: every flagged colour takes the vote's pick, unseen. */
export function AcceptAllConfirm({ count, onCancel, onAccept }: AcceptAllConfirmProps) {
  return (
    <div class="prompt review-confirm" role="group" aria-labelledby="accept-all-text" data-testid="accept-all-confirm">
      <p class="prompt-text" id="accept-all-text">
        For the brave: {count === 1 ? 'the flagged colour takes' : `all ${count} flagged colours take`} the vote’s suggestion, unseen. Undo (⌘Z)
        takes it back.
      </p>
      <div class="prompt-actions">
        <button type="button" class="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" class="button button--primary" onClick={onAccept}>
          Accept all
        </button>
      </div>
    </div>
  );
}
