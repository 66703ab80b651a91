import type { PlanChoice, PlanLineMessage } from '../../core/messages/design-system-messages.ts';
import { roleLabel } from '../role-label.ts';

export interface PlanPanelProps {
  readonly lines: readonly PlanLineMessage[];
  /** Slot → the token id to reuse, or null to write the colour as Chorus's own. */
  readonly choices: ReadonlyMap<string, string | null>;
  readonly locked: ReadonlySet<string>;
  readonly busy: boolean;
  readonly onChoose: (slot: string, tokenId: string | null) => void;
  readonly onLock: (slot: string, locked: boolean) => void;
  readonly onWrite: () => void;
  readonly onCancel: () => void;
}

const ACTION_TEXT = { new: 'New', reuse: 'Reuse', update: 'Update', keep: 'Keep' } as const;

/** The designer's plan as the write-plan request takes it. */
export function planChoices(lines: readonly PlanLineMessage[], choices: ReadonlyMap<string, string | null>): PlanChoice[] {
  return lines.map((line) => {
    const chosen = choices.has(line.key) ? choices.get(line.key) : line.action === 'reuse' ? line.token?.id : undefined;
    return { slot: line.key, ...(chosen ? { reuse: chosen } : {}) };
  });
}

/**
 * The plan before anything is written: per colour, what the write will do (new, reuse a token the
 * file or a library has, update or keep Chorus's own), with every near token to pick instead or
 * "Create new", and a lock that keeps the colour's exact value (reused only where a token has it).
 */
export function PlanPanel({ lines, choices, locked, busy, onChoose, onLock, onWrite, onCancel }: PlanPanelProps) {
  const counts = new Map<string, number>();
  for (const line of lines) {
    const chosen = choices.has(line.key) ? choices.get(line.key) : undefined;
    const action = chosen === null ? (line.action === 'reuse' ? 'new' : line.action) : chosen ? 'reuse' : line.action;
    counts.set(action, (counts.get(action) ?? 0) + 1);
  }
  return (
    <section class="panel panel--plan" aria-labelledby="plan-title" data-testid="plan-panel">
      <h2 class="panel-title" id="plan-title">
        Plan
        <span class="panel-source" data-testid="plan-counts">
          {(['new', 'reuse', 'update', 'keep'] as const)
            .filter((a) => counts.get(a))
            .map((a) => `${counts.get(a)} ${ACTION_TEXT[a].toLowerCase()}`)
            .join(' · ')}
        </span>
      </h2>
      <ul class="plan-list">
        {lines.map((line) => {
          const options = [...(line.token ? [{ token: line.token, deltaE: line.deltaE ?? 0 }] : []), ...line.alternatives];
          const chosen = choices.has(line.key) ? choices.get(line.key) : line.action === 'reuse' ? line.token?.id : undefined;
          return (
            <li class="plan-row" data-testid="plan-row" data-slot={line.key} key={line.key}>
              <span class="plan-swatch" style={{ background: line.hex }} aria-hidden="true" />
              <span class="plan-role">{line.role ? roleLabel(line.role) : line.key}</span>
              {options.length > 0 ? (
                <select
                  class="plan-select"
                  aria-label={`What to do with ${line.role ? roleLabel(line.role) : line.key}`}
                  value={chosen ?? ''}
                  disabled={busy}
                  onChange={(event) => onChoose(line.key, event.currentTarget.value === '' ? null : event.currentTarget.value)}
                >
                  {options.map((o) => (
                    <option value={o.token.id} key={o.token.id}>
                      Use {o.token.name} (ΔE {o.deltaE.toFixed(1)})
                    </option>
                  ))}
                  <option value="">{line.action === 'reuse' ? 'Create new' : ACTION_TEXT[line.action]}</option>
                </select>
              ) : (
                <span class="plan-action" data-testid="plan-action">
                  {ACTION_TEXT[line.action]}
                </span>
              )}
              <label class="checkbox checkbox--inline" title="Keep this exact value: reused only where a token has exactly it">
                <input type="checkbox" checked={locked.has(line.key)} disabled={busy} onChange={(event) => onLock(line.key, event.currentTarget.checked)} />
                <span>Lock</span>
              </label>
            </li>
          );
        })}
      </ul>
      <div class="writer-row">
        <button type="button" class="button" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
        <button type="button" class="button button--primary" disabled={busy} onClick={onWrite} data-testid="plan-write">
          {busy ? 'Writing…' : 'Write plan'}
        </button>
      </div>
    </section>
  );
}
