import type { WriteSummary } from '../core/messages/plugin-messages.ts';

type Edited = WriteSummary['editedByHand'][number];

export interface EditedByHandPromptProps {
  edited: readonly Edited[];
  onKeep: () => void;
  onOverwrite: () => void;
}

/** Styles the designer changed in Figma since Chorus wrote them: keep theirs, or overwrite with the palette. */
export function EditedByHandPrompt({ edited, onKeep, onOverwrite }: EditedByHandPromptProps) {
  const names = edited.map((style) => shortName(style.name));
  return (
    <div class="prompt" role="alert" data-testid="edited-prompt">
      <p class="prompt-text">
        {listNames(names)} {edited.length === 1 ? 'was' : 'were'} edited by hand in Figma.
      </p>
      <ul class="prompt-list">
        {edited.map((style) => (
          <li key={style.styleId} title={style.name}>
            <span class="chip chip--small" style={{ background: style.currentHex }} aria-hidden="true" />
            <span>{style.currentHex.slice(1).toUpperCase()}</span>
            <span class="hint" aria-label="would become">→</span>
            <span class="chip chip--small" style={{ background: style.proposedHex }} aria-hidden="true" />
            <span>{style.proposedHex.slice(1).toUpperCase()}</span>
            <span class="hint">{shortName(style.name)}</span>
          </li>
        ))}
      </ul>
      <div class="prompt-actions">
        <button type="button" class="button button--secondary" onClick={onKeep}>
          Keep yours
        </button>
        <button type="button" class="button button--secondary" onClick={onOverwrite}>
          Overwrite
        </button>
      </div>
    </div>
  );
}

/** `Chorus/Brand/background` → `Background`: the folder is the same for every style, the last part tells them apart. */
function shortName(styleName: string): string {
  const last = styleName.split('/').pop() ?? styleName;
  return last.charAt(0).toUpperCase() + last.slice(1);
}

/** `A`, `A and B`, `A, B and C`. */
function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
