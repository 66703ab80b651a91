import type { PaletteCandidate } from '../../core/palette/palette-color.ts';
import { formatVoters } from './format-voters.ts';

export interface CandidateOptionProps {
  readonly candidate: PaletteCandidate;
  /** Its weight over all the weight that voted (0–1). */
  readonly support: number;
  /** The vote's pick: what "Accept all suggestions" takes. */
  readonly suggested: boolean;
  /** The style holds this value now. */
  readonly current: boolean;
  /** What the colour is, for the button's accessible name: `Border`. */
  readonly label: string;
  readonly disabled: boolean;
  readonly onPick: () => void;
}

/**
 * One value to pick for a flagged colour: a chip (ringed when the style holds it now), its hex,
 * the model's name for it, whether CV measured it, and who voted for it with what weight. The
 * whole row is the button.
 */
export function CandidateOption({ candidate, support, suggested, current, label, disabled, onPick }: CandidateOptionProps) {
  const hex = candidate.hex.slice(1).toUpperCase();
  const voters = formatVoters(candidate.votes);
  const percent = `${Math.round(support * 100)}%`;
  const notes = [candidate.name, candidate.measured && 'measured', suggested && 'suggested', current && 'in the style now'].filter(Boolean);
  return (
    <li>
      <button
        type="button"
        class="candidate-option"
        data-testid="candidate"
        data-hex={candidate.hex}
        disabled={disabled}
        aria-label={`Use #${hex} for ${label}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}: ${percent} of the vote, ${voters || 'no votes'}`}
        onClick={onPick}
      >
        <span class={`chip chip--large${current ? ' chip--current' : ''}`} style={{ background: candidate.hex }} aria-hidden="true" />
        <span class="candidate-main" aria-hidden="true">
          <span class="candidate-line">
            <span class="candidate-hex">{hex}</span>
            {candidate.name && (
              <span class="candidate-name" title={candidate.name}>
                {candidate.name}
              </span>
            )}
            {suggested && (
              <span class="tag" title="The vote's pick: what Accept all suggestions takes">
                suggested
              </span>
            )}
            <span class="candidate-support" title="Its share of the weight that voted">
              {percent}
            </span>
          </span>
          <span class="candidate-voters" data-testid="voters">
            {candidate.measured && (
              <span class="tag tag--measured" title="A computer-vision extractor saw these exact pixels">
                measured
              </span>
            )}
            {voters}
          </span>
        </span>
      </button>
    </li>
  );
}
