import { useEffect, useState } from 'preact/hooks';
import type { FlagSetting } from '../use-settings.ts';
import { AcceptAllConfirm } from './accept-all-confirm.tsx';
import { LearningPanel } from './learning-panel.tsx';
import { ReviewItem } from './review-item.tsx';
import type { Reviews } from './use-reviews.ts';

export interface ReviewPanelProps {
  readonly reviews: Reviews;
  readonly useLearnedWeights: FlagSetting;
  readonly hasServer: boolean;
}

/**
 * Every colour the vote could not decide, as the file holds them (read again each time the panel
 * opens): one click on a candidate settles it; "Accept all suggestions" settles them all. Below,
 * what the decisions taught Chorus about its extractors.
 */
export function ReviewPanel({ reviews, useLearnedWeights, hasServer }: ReviewPanelProps) {
  useEffect(() => reviews.refresh(), []);
  const [confirming, setConfirming] = useState(false);
  const { status, problem, acceptingAll } = reviews;
  const items = reviews.reviews;
  return (
    <div class="review" data-testid="review-panel" data-status={status}>
      <section class="panel" aria-labelledby="review-title">
        <h2 class="panel-title">
          <span id="review-title">Needs review</span>
          {status === 'ready' && <span class="panel-count">{items.length}</span>}
          {(items.length > 0 || acceptingAll) && (
            <button
              type="button"
              class="button button--secondary review-accept"
              disabled={acceptingAll || confirming}
              aria-expanded={confirming}
              onClick={() => setConfirming(true)}
            >
              {acceptingAll ? 'Accepting…' : 'Accept all suggestions'}
            </button>
          )}
        </h2>
        {confirming && items.length > 0 && (
          <AcceptAllConfirm
            count={items.length}
            onCancel={() => setConfirming(false)}
            onAccept={() => {
              setConfirming(false);
              reviews.resolveAll();
            }}
          />
        )}
        {problem && (
          <p class="problem review-problem" role="alert" data-testid="review-problem">
            {problem.message} <span class="error-code">{problem.code}</span>
          </p>
        )}
        {status === 'loading' && (
          <div class="review-state" role="status">
            <span class="spinner spinner--small" aria-hidden="true" />
            <span class="hint">Reading the file…</span>
          </div>
        )}
        {status === 'failed' && (
          <div class="review-state">
            <button type="button" class="button button--secondary" onClick={reviews.refresh}>
              Try again
            </button>
          </div>
        )}
        {status === 'ready' && items.length === 0 && (
          <div class="review-state review-empty" data-testid="review-empty">
            <span class="review-empty-icon" aria-hidden="true">
              ✓
            </span>
            <p>Nothing to review — every Chorus colour in this file is settled.</p>
          </div>
        )}
        {items.length > 0 && (
          <ul class="review-list">
            {items.map((review) => (
              <ReviewItem
                key={review.styleId}
                review={review}
                disabled={acceptingAll}
                onPick={(hex) => reviews.resolve(review, hex)}
                onSelectNode={reviews.selectNode}
              />
            ))}
          </ul>
        )}
      </section>
      <LearningPanel learning={reviews.learning} useLearnedWeights={useLearnedWeights} hasServer={hasServer} />
    </div>
  );
}
