import type { Learning } from '../../core/messages/plugin-messages.ts';
import type { FlagSetting } from '../use-settings.ts';
import { learnedWeight } from './learned-weights.ts';

export interface LearningPanelProps {
  /** Null until read from the file. */
  readonly learning: Learning | null;
  readonly useLearnedWeights: FlagSetting;
  /** A Chorus server is set: the weights go to its vote (tier 1 in the plugin has no say in them). */
  readonly hasServer: boolean;
}

/**
 * What the designer's decisions taught Chorus: per extractor, how often it agreed with them, and
 * the choice to weigh the next vote by it (with each extractor's multiplier once that is on).
 */
export function LearningPanel({ learning, useLearnedWeights, hasServer }: LearningPanelProps) {
  const rows = Object.entries(learning ?? {})
    .filter(([, record]) => record.decided > 0)
    .sort((a, b) => b[1].agreed / b[1].decided - a[1].agreed / a[1].decided || b[1].decided - a[1].decided || (a[0] < b[0] ? -1 : 1));
  const on = useLearnedWeights.value;
  return (
    <section class="panel learning" aria-labelledby="learning-title" data-testid="learning">
      <h2 class="panel-title" id="learning-title">
        Learning from your choices
      </h2>
      {rows.length === 0 ? (
        <p class="learning-hint hint">Each colour you pick teaches Chorus which extractors see colours the way you do.</p>
      ) : (
        <ul class="learning-list">
          {rows.map(([extractor, { agreed, decided }]) => (
            <li class="learning-row" key={extractor} data-testid="learning-row" data-extractor={extractor}>
              <span class="learning-name">{extractor}</span>
              <span class="meter" aria-hidden="true">
                <span class="meter-fill" style={{ width: `${Math.round((agreed / decided) * 100)}%` }} />
              </span>
              <span class="learning-text">
                agreed with you {agreed} of {decided}
              </span>
              {on && (
                <span class="learning-weight" title="How much its votes count in the next run">
                  ×{learnedWeight({ agreed, decided }).toFixed(2)}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <label class="checkbox">
        <input type="checkbox" checked={on} onChange={(event) => useLearnedWeights.set(event.currentTarget.checked)} />
        <span>Use this to weigh the next vote</span>
      </label>
      <p class="learning-hint field-hint">
        {on && !hasServer
          ? 'The weights apply to the Chorus server’s vote; set a server in settings.'
          : 'Extractors that agree with you count for more on the server, those that do not for less (×0.25 to ×4).'}
      </p>
    </section>
  );
}
