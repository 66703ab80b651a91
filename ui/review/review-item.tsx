import { useState } from 'preact/hooks';
import type { Review } from '../../core/messages/plugin-messages.ts';
import { roleLabel } from '../role-label.ts';
import { CandidateOption } from './candidate-option.tsx';

export interface ReviewItemProps {
  readonly review: Review;
  readonly disabled: boolean;
  readonly onPick: (hex: string) => void;
  /** Selects a source frame; resolves false when it is not in the file any more. */
  readonly onSelectNode: (nodeId: string) => Promise<boolean>;
}

/**
 * One flagged style: its colour now, its name, the frames it came from (a click selects one on
 * the canvas), and every candidate to pick from.
 */
export function ReviewItem({ review, disabled, onPick, onSelectNode }: ReviewItemProps) {
  const [missing, setMissing] = useState<ReadonlySet<string>>(new Set());
  const label = review.role ? roleLabel(review.role) : lastPart(review.styleName);
  const total = review.candidates.reduce((sum, c) => sum + c.weight, 0);
  const current = review.currentHex.toLowerCase();
  const titleId = `review-${review.styleId.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
  const select = (nodeId: string): void => {
    void onSelectNode(nodeId).then((found) => {
      if (!found) setMissing((now) => new Set(now).add(nodeId));
    });
  };
  return (
    <li class="review-item" data-testid="review" data-style-id={review.styleId} aria-labelledby={titleId}>
      <div class="review-head">
        <span class="chip" style={{ background: review.currentHex }} aria-hidden="true" />
        <span class="review-label" id={titleId}>
          {label}
        </span>
        <span class="review-style" title={review.styleName}>
          {review.styleName}
        </span>
        <span class="swatch-hex" title="The style's colour now">
          {review.currentHex.slice(1).toUpperCase()}
        </span>
      </div>
      {review.source.nodes.length > 0 && (
        <p class="review-source">
          <span class="hint">From</span>
          {review.source.nodes.map((node) => (
            <button
              type="button"
              class="link"
              key={node.id}
              data-testid="source-link"
              title={missing.has(node.id) ? 'This frame is no longer in the file' : 'Select this frame on the canvas'}
              disabled={missing.has(node.id)}
              onClick={() => select(node.id)}
            >
              {node.name || node.id}
              {missing.has(node.id) && <span class="hint"> (gone)</span>}
            </button>
          ))}
        </p>
      )}
      <ul class="candidate-options" aria-label={`Candidates for ${label}`}>
        {review.candidates.map((candidate, i) => (
          <CandidateOption
            key={candidate.hex}
            candidate={candidate}
            support={total > 0 ? candidate.weight / total : 0}
            suggested={i === 0}
            current={candidate.hex === current}
            label={label}
            disabled={disabled}
            onPick={() => onPick(candidate.hex)}
          />
        ))}
      </ul>
    </li>
  );
}

/** `Chorus/Brand/color-3` → `color-3`: the folder is the same for every style. */
function lastPart(styleName: string): string {
  return styleName.split('/').pop() || styleName;
}
