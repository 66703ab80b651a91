import type { Swatch } from './backend/tokens-to-palette.ts';
import { formatShare } from './format-share.ts';
import { formatVoters } from './review/format-voters.ts';
import { roleLabel } from './role-label.ts';

/** Extractor tags shown before the rest are summed up as `+N`: with a name, that fits one line at 360 px. */
const TAGS_SHOWN = 2;

export interface SwatchRowProps {
  readonly swatch: Swatch;
  /** Given once the palette was written with conflicts flagged: opens the Review panel. */
  readonly onReview?: (() => void) | undefined;
  /** Given where a conflict is settled in the palette itself (the playground): picks a candidate's value. */
  readonly onPick?: ((hex: string) => void) | undefined;
}

/**
 * One palette colour: chip, role, hex, pixel share; under the role the model's name for it (if
 * any), the extractors that voted for it and how sure the vote is; and, when the extractors
 * disagree, a conflict badge with every candidate (its share of the vote; who voted for it on
 * hover) and, once written, a way to the Review panel to settle it.
 */
export function SwatchRow({ swatch, onReview, onPick }: SwatchRowProps) {
  const { color } = swatch;
  const conflict = color.conflict && color.candidates && color.candidates.length > 0 ? color.candidates : null;
  // A conflict the designer settled here keeps its candidates on show, so the pick can change.
  const choices = onPick && (conflict || swatch.chosen) && color.candidates && color.candidates.length > 0 ? color.candidates : null;
  const totalWeight = conflict ? conflict.reduce((sum, c) => sum + c.weight, 0) : 0;
  const label = roleLabel(color.role);
  const hex = color.hex.slice(1).toUpperCase();
  const extractors = heaviestFirst(color.votes);
  const confidence = color.confidence === undefined ? null : `${Math.round(color.confidence * 100)}%`;
  const spoken = [
    label,
    color.name,
    `#${hex}`,
    `${formatShare(color.share)} of pixels`,
    confidence && `confidence ${confidence}`,
    extractors.length > 0 && `found by ${extractors.join(', ')}`,
    conflict && `conflict between ${conflict.map((c) => `#${c.hex.slice(1).toUpperCase()}`).join(' and ')}`,
    swatch.chosen && 'picked by you',
  ]
    .filter(Boolean)
    .join(', ');
  const hidden = extractors.slice(TAGS_SHOWN);
  return (
    <li class={`swatch${conflict ? ' swatch--conflict' : ''}`} data-testid="swatch" data-hex={color.hex} data-key={swatch.key} aria-label={spoken}>
      <span class="chip" style={{ background: color.hex }} aria-hidden="true" />
      {/* The row's label says it all; only the Review button is for assistive technology on its own. */}
      <div class="swatch-body">
        <div class="swatch-line" aria-hidden="true">
          <span class="swatch-label">{label}</span>
          <span class="swatch-hex">{hex}</span>
          <span class="swatch-share">{formatShare(color.share)}</span>
        </div>
        <div class="swatch-line swatch-votes" aria-hidden="true">
          {color.name && (
            <span class="swatch-name" data-testid="swatch-name" title="The model's name for this colour">
              {color.name}
            </span>
          )}
          <span class="swatch-tags">
            {extractors.slice(0, TAGS_SHOWN).map((extractor) => (
              <span class="tag" key={extractor} title={voteTitle(swatch, extractor)}>
                {extractor}
              </span>
            ))}
            {hidden.length > 0 && (
              <span class="tag" title={hidden.map((extractor) => voteTitle(swatch, extractor)).join('\n')}>
                +{hidden.length}
              </span>
            )}
          </span>
          {confidence && (
            <span class="swatch-confidence" title="How strongly the extractors agree on this colour">
              {confidence} sure
            </span>
          )}
        </div>
        {choices && onPick && (
          <PickLine swatch={swatch} candidates={choices} label={label} onPick={onPick} />
        )}
        {conflict && !choices && (
          <div class="swatch-line swatch-conflict" data-testid="conflict">
            <span
              class="badge badge--warning"
              aria-hidden="true"
              title="The extractors disagree on this colour: no value has 60% of the vote. Create styles writes the heaviest one and flags it for you to review."
            >
              Conflict
            </span>
            {conflict.map((candidate) => (
              <span
                class="candidate"
                aria-hidden="true"
                key={candidate.hex}
                data-hex={candidate.hex}
                title={`${candidate.measured ? 'Measured. ' : ''}${candidate.name ? `${candidate.name}. ` : ''}${formatVoters(candidate.votes)}`}
              >
                <span class="chip chip--small" style={{ background: candidate.hex }} />
                <span class="candidate-hex">{candidate.hex.slice(1).toUpperCase()}</span>
                <span class="candidate-support">{totalWeight > 0 ? Math.round((candidate.weight / totalWeight) * 100) : 0}%</span>
              </span>
            ))}
            {onReview && (
              <button
                type="button"
                class="link swatch-review"
                data-testid="swatch-review"
                aria-label={`Review ${label} in the Review panel`}
                onClick={onReview}
              >
                Review
              </button>
            )}
          </div>
        )}
      </div>
    </li>
  );
}

interface PickLineProps {
  readonly swatch: Swatch;
  readonly candidates: NonNullable<Swatch['color']['candidates']>;
  readonly label: string;
  readonly onPick: (hex: string) => void;
}

/**
 * The playground's review, in the swatch: the conflict badge (or "Your pick" once settled) and each
 * candidate as a button with its share of the vote; the value in use is ringed.
 */
function PickLine({ swatch, candidates, label, onPick }: PickLineProps) {
  const totalWeight = candidates.reduce((sum, c) => sum + c.weight, 0);
  return (
    <div class="swatch-line swatch-conflict" data-testid={swatch.chosen ? 'picked' : 'conflict'}>
      {swatch.chosen ? (
        <span class="badge badge--picked" title="You picked this value among the candidates; export uses it.">
          Your pick
        </span>
      ) : (
        <span class="badge badge--warning" title="The extractors disagree on this colour: no value has 60% of the vote. Pick the right one.">
          Conflict
        </span>
      )}
      {candidates.map((candidate) => {
        const hex = candidate.hex.slice(1).toUpperCase();
        const support = totalWeight > 0 ? Math.round((candidate.weight / totalWeight) * 100) : 0;
        const current = candidate.hex === swatch.color.hex;
        return (
          <button
            type="button"
            class={`candidate candidate--pick${current ? ' candidate--current' : ''}`}
            key={candidate.hex}
            data-testid="pick"
            data-hex={candidate.hex}
            aria-pressed={swatch.chosen === true && current}
            aria-label={`Use #${hex} for ${label}: ${support}% of the vote${candidate.name ? `, ${candidate.name}` : ''}${candidate.measured ? ', measured' : ''}`}
            title={`${candidate.measured ? 'Measured. ' : ''}${candidate.name ? `${candidate.name}. ` : ''}${formatVoters(candidate.votes)}`}
            onClick={() => onPick(candidate.hex)}
          >
            <span class={`chip chip--small${current ? ' chip--current' : ''}`} style={{ background: candidate.hex }} aria-hidden="true" />
            <span class="candidate-hex">{hex}</span>
            <span class="candidate-support">{support}%</span>
          </button>
        );
      })}
    </div>
  );
}

function voteTitle({ color }: Swatch, extractor: string): string {
  return color.votes
    .filter((vote) => vote.extractor === extractor)
    .map((vote) => `${extractor} saw ${vote.hex} (weight ${vote.weight})`)
    .join('\n');
}

/** The extractors that voted, heaviest total weight first (ties by name): the first tags say who counted most. */
function heaviestFirst(votes: Swatch['color']['votes']): string[] {
  const weights = new Map<string, number>();
  for (const vote of votes) weights.set(vote.extractor, (weights.get(vote.extractor) ?? 0) + vote.weight);
  return [...weights].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([extractor]) => extractor);
}
