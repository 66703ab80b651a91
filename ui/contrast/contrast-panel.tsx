import type { ContrastCheck } from '../../core/contrast/check-contrast.ts';
import { roleLabel } from '../role-label.ts';

export interface ContrastPanelProps {
  readonly checks: readonly ContrastCheck[];
  /** Given where the palette can change: replaces a failing text colour with the suggested one. */
  readonly onFix?: ((key: string, hex: string) => void) | undefined;
}

const sideLabel = (side: ContrastCheck['text']): string => (side.role ? roleLabel(side.role) : side.hex);

/**
 * Contrast of the pairs the screen uses: each text colour on its background, with the WCAG 2.2
 * ratio and verdict (AA/AAA, for its text size) and the APCA Lc with the use it is enough for.
 * A pair failing AA is flagged like a conflict, with the nearest text colour that passes.
 */
export function ContrastPanel({ checks, onFix }: ContrastPanelProps) {
  if (checks.length === 0) return null;
  const failing = checks.filter((c) => !c.passes).length;
  return (
    <section class="panel panel--contrast" aria-labelledby="contrast-title" data-testid="contrast-panel">
      <h2 class="panel-title" id="contrast-title">
        Contrast <span class="panel-count">{checks.length}</span>
        {failing > 0 && (
          <span class="badge badge--warning" data-testid="contrast-failing">
            {failing} below AA
          </span>
        )}
        <span class="panel-source">{checks[0]!.source === 'layers' ? 'pairs in the layers' : 'pairs by role'}</span>
      </h2>
      <ul class="contrast-list">
        {checks.map((c) => (
          <li class={`contrast-row${c.passes ? '' : ' contrast-row--fail'}`} data-testid="contrast-row" key={`${c.text.key}/${c.background.key}`}>
            <span class="contrast-sample" style={{ color: c.text.hex, background: c.background.hex }} aria-hidden="true">
              Aa
            </span>
            <span class="contrast-pair">
              {sideLabel(c.text)} on {sideLabel(c.background)}
              {c.large ? ' (large text)' : ''}
            </span>
            <span class="contrast-figures" data-testid="contrast-figures">
              {c.ratio.toFixed(2)}:1 <span class={`badge${c.passes ? '' : ' badge--warning'}`}>{c.wcag === 'fail' ? 'fails AA' : c.wcag}</span> · Lc{' '}
              {Math.abs(c.lc).toFixed(0)} {c.apca === 'fail' ? '(too low)' : `(${c.apca})`}
            </span>
            {!c.passes && c.suggestion && (
              <span class="contrast-fix">
                Nearest passing: <code>{c.suggestion.hex}</code> ({c.suggestion.ratio.toFixed(2)}:1, ΔE {c.suggestion.deltaE.toFixed(1)})
                {onFix && (
                  <button type="button" class="candidate--pick" data-testid="contrast-use" onClick={() => onFix(c.text.key, c.suggestion!.hex)}>
                    Use it
                  </button>
                )}
              </span>
            )}
            {!c.passes && !c.suggestion && <span class="contrast-fix">No text colour reaches AA on this background: change the background.</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
